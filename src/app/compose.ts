// Composition root: turns a validated RunConfig into a wired run (clock, scheduler, venue, feed, loop) and its report.
import { Decimal, parseDecimal, toUnits } from '../core/money/decimal.js';
import { buildInstrument, QUOTE_E8, type Instrument } from '../core/model/instrument.js';
import { FillLog } from '../core/portfolio/fill-log.js';
import { Ledger } from '../core/portfolio/ledger.js';
import { SeededRng } from '../core/random/seeded-rng.js';
import { buildReport, type RunStatus } from '../core/report/build-report.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { EdgeTracker } from '../core/risk/edge-tracker.js';
import { RiskMonitor } from '../core/risk/risk-monitor.js';
import { CircuitBreaker } from '../core/risk/circuit-breaker.js';
import { parseUnfreezePolicy } from '../core/risk/unfreeze-policy.js';
import { EventScheduler } from '../core/scheduler/event-scheduler.js';
import { bpsToPpm } from '../core/sim/fee-schedule.js';
import type { LatencyModel } from '../core/sim/latency-model.js';
import { OPEN_GATE, type RequestGate } from '../core/sim/request-gate.js';
import { SimulatedVenue } from '../core/sim/simulated-venue.js';
import type { VenueRules } from '../core/sim/venue-rules.js';
import { SymmetricQuoter } from '../core/strategy/symmetric-quoter.js';
import { VirtualClock } from '../core/time/virtual-clock.js';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import { ExecutionLoop } from '../engine/execution-loop.js';
import type { ExchangeClient } from '../ports/exchange-client.js';
import type { MarketDataFeed } from '../ports/market-data-feed.js';
import type { DryRunSettings } from '../venues/shared/dry-run.js';
import { runVenue } from './run-venue.js';
import { wireVenue } from './venue-wiring.js';
import { composeMarket } from './compose-market.js';
import { configEcho, type ConfigProvenance } from './config-echo.js';
import { fileIdentity } from './file-identity.js';
import type { RunConfig } from './run-config.js';
import { buildFillModel, buildLatencyModel } from './fill-model-wiring.js';
import { simplifications } from './simplifications.js';
import { loopOrderCounts } from '../engine/loop-counters.js';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
}

export interface ComposeOptions {
  /** Decorates the venue client the loop talks to (a request journal, a recorder in tests). */
  readonly wrapVenue?: (venue: ExchangeClient) => ExchangeClient;
  /** Keys and journal of a --mode dryrun run on a real venue (the CLI resolves them; they never enter RunConfig). */
  readonly dryRun?: DryRunSettings | null;
  /** Rehearsals: decorate the market feed, the venue API gate and the latency model to inject scenario events. */
  readonly wrapFeed?: (feed: MarketDataFeed) => MarketDataFeed;
  /** `rules` lets a rehearsal answer injected faults (a skewed clock) in the venue's words. */
  readonly wrapGate?: (gate: RequestGate, rules: VenueRules) => RequestGate;
  readonly wrapLatency?: (latency: LatencyModel, clock: VirtualClock) => LatencyModel;
  /** run --config: where the settings came from, echoed in the report's config section. */
  readonly provenance?: ConfigProvenance | null;
}

export interface ComposedRun {
  readonly clock: VirtualClock;
  readonly scheduler: EventScheduler;
  readonly loop: ExecutionLoop;
  readonly feed: MarketDataFeed;
  readonly startMs: number;
  /** Input problems that do not stop the run (a replay's cut last line, a replay without records), for the CLI to print; the report has them too. Absent: none. */
  readonly warnings?: readonly string[];
  /** The report of the run as it stands; call after the scheduler has drained. */
  buildReport(status: RunStatus): JsonValue;
}

/** bps as a decimal string → bps × 10⁴ (exact; the CLI has already checked the precision). */
function bpsE4(bps: string, what: string): number {
  return toUnits(parseDecimal(bps, what), new Decimal('0.0001'), what);
}

function usdPico(usd: string, what: string): bigint {
  return BigInt(toUnits(parseDecimal(usd, what), QUOTE_E8, what)) * 10_000n;
}

function usdE8(usd: string, what: string): number {
  return toUnits(parseDecimal(usd, what), QUOTE_E8, what);
}

export function composeRun(config: RunConfig, tool: ToolInfo, options: ComposeOptions = {}): ComposedRun {
  const scheduler = new EventScheduler();
  const rng = new SeededRng(`shadow-exec:${config.seed}`);
  const instruments: Instrument[] = config.instruments.map((v) => buildInstrument(v.spec));
  const market = composeMarket(config, instruments, rng);
  // The same recording or instruments file at another path gives the same report: {file, sha256} replaces the path.
  const inputFiles: Record<string, JsonValue> = {
    ...(market.replayFile === undefined ? {} : { replay_file: market.replayFile }),
    ...(config.instrumentsFile === null ? {} : { instruments_file: { ...fileIdentity(config.instrumentsFile, '--instruments') } }),
  };
  const feed = options.wrapFeed?.(market.feed) ?? market.feed;
  const startMs = market.startMs;
  const clock = new VirtualClock(startMs);
  const instrumentMap = new Map(instruments.map((i) => [i.symbol, i]));

  const fees = { makerPpm: bpsToPpm(config.makerFeeBps, '--maker-fee-bps'), takerPpm: bpsToPpm(config.takerFeeBps, '--taker-fee-bps') };
  if (config.mode === 'dryrun' && runVenue(config).module.signer !== undefined && (options.dryRun ?? null) === null) {
    throw new ShadowExecError('E_INVARIANT', 'invariant violated: a dry run on a real venue needs its signing keys');
  }
  const fillModel = buildFillModel(config, rng, instrumentMap, market.feed.book);
  const latency = buildLatencyModel(config, rng);
  const wiring = wireVenue(config, instrumentMap, fees, config.mode === 'dryrun' ? (options.dryRun ?? null) : null);
  const venue = new SimulatedVenue({
    clock,
    scheduler,
    instruments: instrumentMap,
    rules: wiring.rules,
    fillModel,
    latency: options.wrapLatency?.(latency, clock) ?? latency,
    ...(options.wrapGate !== undefined ? { gate: options.wrapGate(wiring.gate ?? OPEN_GATE, wiring.rules) } : wiring.gate === undefined ? {} : { gate: wiring.gate }),
  });
  wiring.bindVenue(venue);

  const spreadE4 = bpsE4(config.spreadBps, '--spread-bps');
  const edge = new EdgeTracker(config.symbols, {
    halfSpreadBpsE4: Math.floor(spreadE4 / 2),
    makerFeeBpsE4: fees.makerPpm * 100,
    markoutMs: config.markoutMs,
    window: config.edgeWindow,
    minFills: config.edgeMinFills,
  });
  const risk = new RiskMonitor({
    maxInventoryE8: usdE8(config.maxInvUsd, '--max-inv'),
    maxTotalNotionalE8: usdE8(config.maxTotalUsd, '--max-total'),
    edgeThresholdBpsE4: bpsE4(config.edgeThresholdBps, '--edge-threshold'),
    staleMs: config.staleMs,
    maxDrawdownPico: config.maxDrawdownUsd === null ? null : usdPico(config.maxDrawdownUsd, '--max-drawdown'),
    reduceAtDrawdownPico: config.reduceAtDrawdownUsd === null ? null : usdPico(config.reduceAtDrawdownUsd, '--reduce-at-drawdown'),
    maxOrdersPerSec: config.maxOrdersPerSec,
    unfreeze: parseUnfreezePolicy(config.unfreeze),
  });
  const breaker = new CircuitBreaker({ failureThreshold: config.circuit.failures, windowMs: config.circuit.windowMs, cooldownMs: config.circuit.cooldownMs });
  const ledger = new Ledger(instruments, fees);
  const fillLog = new FillLog(config.reportFills);
  const quoter = new SymmetricQuoter({
    spreadBpsE4: spreadE4,
    orderNotionalE8: usdE8(config.orderNotionalUsd, '--order-notional'),
    requoteBpsE4: bpsE4(config.requoteBps, '--requote-bps'),
  });
  const client = options.wrapVenue?.(venue) ?? venue;
  const loop = new ExecutionLoop({ clock, scheduler, venue: client, feed, instruments, quoter, risk, edge, ledger, fillLog, orderOptions: config.orderOptions, requoteMode: config.requoteMode, cancelMode: config.cancelMode, breaker, exitOco: config.exitOco === null ? null : { takeProfitBpsE4: bpsE4(config.exitOco.takeProfitBps, '--exit-oco'), stopLossBpsE4: bpsE4(config.exitOco.stopLossBps, '--exit-oco') } });

  const model: JsonValue = {
    venue: { ...(client.describe() as Record<string, JsonValue>), ...(wiring.model as Record<string, JsonValue>) },
    quoter: {
      name: 'symmetric',
      spread_bps: config.spreadBps,
      requote_bps: config.requoteBps,
      order_notional_usd: config.orderNotionalUsd,
      rule: 'bid and ask each at least spread_bps/2 from the mid, rounded away from it to whole ticks; size = order_notional_usd / price rounded down to the lot; a quote is cancelled and replaced when its price is requote_bps (at least one tick) away from the new one',
    },
    edge: {
      formula: 'net_edge_bps = spread_bps / 2 - maker_fee_bps - adverse_selection_bps',
      adverse_selection:
        'mean over the last `window` fills of side × (quote_mid − mid at fill time + markout_ms) / quote_mid × 10^4 (side +1 buy, −1 sell); 0 until `min_fills` fills have matured',
      markout_ms: config.markoutMs,
      window: config.edgeWindow,
      min_fills: config.edgeMinFills,
    },
    market: market.model,
    simplifications: simplifications(fillModel),
  };

  return {
    clock,
    scheduler,
    loop,
    feed,
    startMs,
    warnings: market.warnings,
    buildReport(status: RunStatus): JsonValue {
      const c = loop.counters;
      return buildReport({
        tool,
        seed: config.seed,
        // Input files are named by base name and SHA-256, not by the path they were read from.
        config: { ...(configEcho(config, options.provenance ?? null) as Record<string, JsonValue>), ...inputFiles },
        model,
        execution: {
          exchange: config.exchange,
          mode: config.mode,
          feed: feed.kind,
          // Only the synthetic feed counts updates by --iterations: a replay ends with its file, a live feed with --duration.
          iterations: config.feed === 'synthetic' ? config.iterations : null,
          symbols: config.symbols,
          status,
          marketUpdates: c.marketUpdates,
          eventsProcessed: scheduler.processedCount,
          startMs,
          endMs: clock.now(),
        },
        orders: loopOrderCounts(c, loop.openOrders),
        venue: client.stats(),
        ledger,
        fillLog,
        risk,
        edge,
        limits: {
          maxInvUsd: config.maxInvUsd,
          maxTotalUsd: config.maxTotalUsd,
          edgeThresholdBps: config.edgeThresholdBps,
          staleMs: config.staleMs,
          maxDrawdownUsd: config.maxDrawdownUsd,
          reduceAtDrawdownUsd: config.reduceAtDrawdownUsd,
          maxOrdersPerSec: config.maxOrdersPerSec,
          unfreeze: config.unfreeze,
        },
        marketData: market.marketData(loop.marketEvents),
        circuit: { state: breaker.state(clock.now()), transitions: breaker.transitions },
        manualActions: loop.supervisor.manualActions,
      });
    },
  };
}

