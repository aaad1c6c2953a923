// Composition root: turns a validated RunConfig into a wired run (clock, scheduler, venue, feed, loop) and its report.
import { basename } from 'node:path';
import { Decimal, parseDecimal, toUnits } from '../core/money/decimal.js';
import { buildInstrument, DEFAULT_QUOTE_SCALE, instrumentQuoteScale, QUOTE_E8, quoteUnit, runQuoteScale, type Instrument } from '../core/model/instrument.js';
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
import type { LatencyModel } from '../ports/latency-model.js';
import { OPEN_GATE, type RequestGate } from '../ports/request-gate.js';
import { SimulatedVenue } from '../core/sim/simulated-venue.js';
import type { VenueRules } from '../ports/venue-rules.js';
import { wireStrategy, type LoadedPlugin } from './strategy-wiring.js';
import { VirtualClock } from '../core/time/virtual-clock.js';
import { ShadowExecError, UsageError } from '../core/errors/shadow-exec-error.js';
import { ExecutionLoop } from '../engine/execution-loop.js';
import type { SessionRun } from '../engine/session-run.js';
import type { ExchangeClient } from '../ports/exchange-client.js';
import type { MarketDataFeed } from '../ports/market-data-feed.js';
import { NO_BOOK_VIEW } from '../ports/book-view.js';
import type { DryRunSettings } from '../venues/shared/dry-run.js';
import { runVenue } from './run-venue.js';
import { wireVenue } from './venue-wiring.js';
import { composeMarket } from './compose-market.js';
import type { LiveBuildPorts } from './compose-live.js';
import { configEcho, type ConfigProvenance } from './config-echo.js';
import { fileIdentity } from './file-identity.js';
import type { RunConfig } from './config/run-config.js';
import { buildFillModel, buildLatencyModel } from './fill-model-wiring.js';
import { simplifications } from './simplifications.js';
import { loopOrderCounts } from '../engine/loop-counters.js';
import { callbackCounts, callbackTiming } from '../engine/guarded-strategy.js';
import { PerformanceStopwatch } from '../engine/performance-stopwatch.js';
import { SeriesSampler } from '../engine/series-sampler.js';

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
  /** --strategy FILE: the plug-in module, loaded before the run (loadStrategyPlugin). */
  readonly plugin?: LoadedPlugin | null;
  /** run --config: where the settings came from, echoed in the report's config section. */
  readonly provenance?: ConfigProvenance | null;
  /** --strategy-timing: the report's strategy section gains `timing` (wall ms per callback; not byte-stable). @default false */
  readonly strategyTiming?: boolean;
  /** --series: virtual ms between samples of the time series (kept out of the report); absent or null: no series. */
  readonly seriesEveryMs?: number | null;
  /** --feed live: the feed's clock, timers and library hooks, replaced by tests (loopback servers); absent: the system's. */
  readonly livePorts?: LiveBuildPorts;
}

/** A composed run: what the engine's sessions drive (SessionRun), plus its feed, start and warnings. */
export interface ComposedRun extends SessionRun {
  readonly feed: MarketDataFeed;
  readonly startMs: number;
  /** Input problems that do not stop the run (a replay's cut last line, a replay without records), for the CLI to print; the report has them too. Absent: none. */
  readonly warnings?: readonly string[];
  /** --series: the sampler (also the run's observer); null without --series. */
  readonly series?: SeriesSampler | null;
}

/** bps as a decimal string → bps × 10⁴ (exact; the CLI has already checked the precision). */
function bpsE4(bps: string, what: string): number {
  return toUnits(parseDecimal(bps, what), new Decimal('0.0001'), what);
}

function usdPico(usd: string, what: string): bigint {
  return BigInt(toUnits(parseDecimal(usd, what), QUOTE_E8, what)) * 10_000n;
}

/**
 * A USD amount in the run's quote units (10^-scale, QUOTE_E8 by default). Above scale 8 the largest exact amount
 * shrinks (2^53 units): a larger one is refused naming the bound and the instrument that needs the scale.
 */
function usdUnits(usd: string, what: string, scale: number, why: string): number {
  const value = parseDecimal(usd, what);
  const unit = quoteUnit(scale);
  const units = value.div(unit);
  if (scale !== DEFAULT_QUOTE_SCALE && units.abs().gt(Number.MAX_SAFE_INTEGER)) {
    const most = new Decimal(Number.MAX_SAFE_INTEGER).times(unit).toFixed();
    throw new UsageError(`${what} ${usd} is above ${most} USD, the largest amount exact in the run's quote unit ${unit.toExponential()} (${why})`);
  }
  return toUnits(value, unit, what);
}

/** Why the run counts in a unit finer than 1e-8: the first instrument that needs it; '' at the default scale. */
function scaleReason(instruments: readonly Instrument[], scale: number): string {
  if (scale === DEFAULT_QUOTE_SCALE) return '';
  const spec = instruments.find((i) => instrumentQuoteScale(i.spec) === scale)!.spec;
  return `${spec.symbol}: tick ${spec.tickSize} × lot ${spec.lotSize} ${spec.quoteAsset}`;
}

export function composeRun(config: RunConfig, tool: ToolInfo, options: ComposeOptions = {}): ComposedRun {
  const scheduler = new EventScheduler();
  const rng = new SeededRng(`shadow-exec:${config.seed}`);
  const scale = runQuoteScale(config.venue.instruments.map((v) => v.spec));
  const instruments: Instrument[] = config.venue.instruments.map((v) => buildInstrument(v.spec, { quoteScale: scale }));
  const why = scaleReason(instruments, scale);
  const usdE8 = (usd: string, what: string): number => usdUnits(usd, what, scale, why);
  if (scale !== DEFAULT_QUOTE_SCALE && (options.plugin ?? null) !== null) {
    // The Strategy port's amounts (atomE8, minNotionalE8, lotsForNotional) are documented as quote × 10⁸ for plug-ins.
    throw new UsageError(`--strategy FILE needs instruments on a 1e-8 grid: ${why} makes this run count in ${quoteUnit(scale).toExponential()} ${instruments[0]!.spec.quoteAsset}, and a plug-in's amounts are quote × 10⁸ (the built-in strategies run)`);
  }
  const market = composeMarket(config, instruments, rng, options.livePorts);
  // The same recording or instruments file at another path gives the same report: {file, sha256} replaces the path.
  const inputFiles: Record<string, JsonValue> = {
    ...(market.replayFile === undefined ? {} : { replay_file: market.replayFile }),
    ...(config.venue.instrumentsFile === null ? {} : { instruments_file: { ...fileIdentity(config.venue.instrumentsFile, '--instruments') } }),
  };
  const feed = options.wrapFeed?.(market.feed) ?? market.feed;
  const startMs = market.startMs;
  const clock = new VirtualClock(startMs);
  const instrumentMap = new Map(instruments.map((i) => [i.symbol, i]));

  const fees = { makerPpm: bpsToPpm(config.fees.makerBps, '--maker-fee-bps'), takerPpm: bpsToPpm(config.fees.takerBps, '--taker-fee-bps') };
  if (config.mode === 'dryrun' && runVenue(config).module.signer !== undefined && (options.dryRun ?? null) === null) {
    throw new ShadowExecError('E_INVARIANT', 'invariant violated: a dry run on a real venue needs its signing keys');
  }
  const fillModel = buildFillModel(config.fills, rng, instrumentMap, market.feed.book);
  const latency = buildLatencyModel(config.latency, rng);
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

  const spreadE4 = bpsE4(config.strategy.spreadBps, '--spread-bps');
  const edge = new EdgeTracker(config.symbols, {
    halfSpreadBpsE4: Math.floor(spreadE4 / 2),
    makerFeeBpsE4: fees.makerPpm * 100,
    markoutMs: config.risk.edge.markoutMs,
    window: config.risk.edge.window,
    minFills: config.risk.edge.minFills,
  });
  const risk = new RiskMonitor({
    maxInventoryE8: usdE8(config.risk.maxInvUsd, '--max-inv'),
    maxTotalNotionalE8: usdE8(config.risk.maxTotalUsd, '--max-total'),
    edgeThresholdBpsE4: bpsE4(config.risk.edge.thresholdBps, '--edge-threshold'),
    staleMs: config.risk.staleMs,
    maxDrawdownPico: config.risk.maxDrawdownUsd === null ? null : usdPico(config.risk.maxDrawdownUsd, '--max-drawdown'),
    reduceAtDrawdownPico: config.risk.reduceAtDrawdownUsd === null ? null : usdPico(config.risk.reduceAtDrawdownUsd, '--reduce-at-drawdown'),
    maxOrdersPerSec: config.risk.maxOrdersPerSec,
    unfreeze: parseUnfreezePolicy(config.risk.unfreeze),
  });
  const breaker = new CircuitBreaker({ failureThreshold: config.risk.circuit.failures, windowMs: config.risk.circuit.windowMs, cooldownMs: config.risk.circuit.cooldownMs });
  const ledger = new Ledger(instruments, fees);
  const fillLog = new FillLog(config.output.reportFills);
  const strategy = wireStrategy(
    config.strategy,
    { spreadBpsE4: spreadE4, orderNotionalE8: usdE8(config.strategy.orderNotionalUsd, '--order-notional'), requoteBpsE4: bpsE4(config.strategy.requoteBps, '--requote-bps') },
    instruments,
    options.plugin ?? null,
  );
  const client = options.wrapVenue?.(venue) ?? venue;
  const loop = new ExecutionLoop({ clock, scheduler, venue: client, feed, instruments, strategy: strategy.definition, strategyParams: strategy.params, ocoRefusal: runVenue(config).module.orderOptions.exitOcoRefusal(config.venue.market)?.why ?? null, guardStrategy: strategy.model !== null, strategySource: strategy.plugin?.url ?? null, stopwatch: new PerformanceStopwatch(), strategyBudgetMs: config.strategy.budgetMs, strategyRng: rng.fork('strategy'), fees: config.fees, book: market.feed.book ?? NO_BOOK_VIEW, risk, edge, ledger, fillLog, orderOptions: config.strategy.orderOptions, requoteMode: config.strategy.requoteMode, cancelMode: config.strategy.cancelMode, breaker, exitOco: config.strategy.exitOco === null ? null : { takeProfitBpsE4: bpsE4(config.strategy.exitOco.takeProfitBps, '--exit-oco'), stopLossBpsE4: bpsE4(config.strategy.exitOco.stopLossBps, '--exit-oco') } });

  const everyMs = options.seriesEveryMs ?? null;
  const series = everyMs === null ? null : new SeriesSampler({ instruments, ledger, fees, edge, risk, breaker, quotes: loop, startMs, everyMs });
  if (series !== null) loop.observe(series);

  const model: JsonValue = {
    venue: { ...(client.describe() as Record<string, JsonValue>), ...(wiring.model as Record<string, JsonValue>) },
    // The symmetric quoter's settings; another --strategy describes itself in model.strategy.
    ...(strategy.definition.name !== 'symmetric' || strategy.plugin !== null ? {} : { quoter: {
      name: 'symmetric',
      spread_bps: config.strategy.spreadBps,
      requote_bps: config.strategy.requoteBps,
      order_notional_usd: config.strategy.orderNotionalUsd,
      rule: 'bid and ask each at least spread_bps/2 from the mid, rounded away from it to whole ticks; size = order_notional_usd / price rounded down to the lot; a quote is cancelled and replaced when its price is requote_bps (at least one tick) away from the new one',
    } }),
    edge: {
      formula: 'net_edge_bps = half_spread_bps - maker_fee_bps - adverse_selection_bps',
      half_spread:
        'realised on the loop\'s own fills, whichever strategy priced them: mean over the same fills as adverse_selection of side × (quote_mid − fill_price) / quote_mid × 10^4; spread_bps / 2 (the configured quote) until `min_fills` fills have matured',
      adverse_selection:
        'mean over the last `window` fills of side × (quote_mid − mid at fill time + markout_ms) / quote_mid × 10^4 (side +1 buy, −1 sell); 0 until `min_fills` fills have matured',
      markout_ms: config.risk.edge.markoutMs,
      window: config.risk.edge.window,
      min_fills: config.risk.edge.minFills,
    },
    market: market.model,
    // Only on runs whose instruments need a unit finer than 1e-8 (reports of the others keep their exact bytes).
    ...(scale === DEFAULT_QUOTE_SCALE ? {} : { quote_unit: { unit: quoteUnit(scale).toExponential(), why, rule: "notionals, risk limits and order sizes are counted in this fraction of the quote currency (1e-8 when every instrument's tick × lot allows it); the ledger counts in 1e-12 either way; the largest exact amount is 2^53 units" } }),
    simplifications: [...simplifications(fillModel), ...(wiring.simplifications ?? [])],
    ...(strategy.model === null ? {} : { strategy: strategy.model }),
  };

  return {
    clock,
    scheduler,
    loop,
    feed,
    startMs,
    warnings: market.warnings,
    observer: series,
    series,
    buildReport(status: RunStatus): JsonValue {
      const c = loop.counters;
      const report = buildReport({
        tool,
        seed: config.seed,
        // Input files are named by base name and SHA-256, not by the path they were read from.
        config: { ...(configEcho(config, options.provenance ?? null) as Record<string, JsonValue>), ...inputFiles },
        model,
        execution: {
          exchange: config.venue.name,
          mode: config.mode,
          feed: feed.kind,
          // Only the synthetic feed counts updates by --iterations: a replay ends with its file, a live feed with --duration.
          iterations: config.feed.kind === 'synthetic' ? config.iterations : null,
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
          maxInvUsd: config.risk.maxInvUsd,
          maxTotalUsd: config.risk.maxTotalUsd,
          edgeThresholdBps: config.risk.edge.thresholdBps,
          staleMs: config.risk.staleMs,
          maxDrawdownUsd: config.risk.maxDrawdownUsd,
          reduceAtDrawdownUsd: config.risk.reduceAtDrawdownUsd,
          maxOrdersPerSec: config.risk.maxOrdersPerSec,
          unfreeze: config.risk.unfreeze,
        },
        marketData: market.marketData(loop.marketEvents),
        circuit: { state: breaker.state(clock.now()), transitions: breaker.transitions },
        manualActions: loop.supervisor.manualActions,
      });
      return strategy.model === null ? report : { ...(report as Record<string, JsonValue>), strategy: strategySection(loop, options.strategyTiming === true ? config.strategy.budgetMs : null) };
    },
  };
}

/**
 * The report's `strategy` section (with --strategy): what the strategy asked for, what was refused, its calls by
 * callback, and a failure; `timingBudgetMs` non-null (--strategy-timing) adds the wall times, which differ run to run.
 */
function strategySection(loop: ExecutionLoop, timingBudgetMs: number | null): JsonValue {
  const c = loop.strategyContext.strategyCounters;
  const failure = loop.strategyFailure;
  const spent = loop.strategyTime ?? new Map();
  return {
    callbacks: callbackCounts(spent),
    ...(timingBudgetMs === null ? {} : { timing: callbackTiming(spent, timingBudgetMs) }),
    place_requests: c.placeRequests,
    places_sent: c.placesSent,
    denied: Object.fromEntries(Object.entries(c.denied).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    cancel_requests: c.cancelRequests,
    amend_requests: c.amendRequests,
    timers_fired: c.timersFired,
    oco_lists_sent: c.ocoListsSent,
    // The plug-in's file by base name: the report does not depend on where the file lies.
    failure: failure === null ? null : { callback: failure.callback, message: failure.message, location: failure.location === null ? null : basename(failure.location) },
  };
}
