// Builds a replayed run by hand the way compose.ts wires it (replay feed → ExecutionLoop on the fake venue), runs it to the end, and renders its canonical report.
import './lazy-modules-setup.js';
import { buildReplayFeedFromText, type ReplayBuildOptions, type ReplayWiring } from '../../src/app/compose-replay.js';
import type { ComposedRun } from '../../src/app/compose.js';
import { buildInstrument, type InstrumentSpec } from '../../src/core/model/instrument.js';
import { DEFAULT_ORDER_OPTIONS } from '../../src/core/model/order.js';
import { FillLog } from '../../src/core/portfolio/fill-log.js';
import { Ledger } from '../../src/core/portfolio/ledger.js';
import { SeededRng } from '../../src/core/random/seeded-rng.js';
import { buildReport } from '../../src/core/report/build-report.js';
import { canonicalJson, type JsonValue } from '../../src/core/report/canonical-json.js';
import { EdgeTracker } from '../../src/core/risk/edge-tracker.js';
import { RiskMonitor } from '../../src/core/risk/risk-monitor.js';
import { EventScheduler } from '../../src/core/scheduler/event-scheduler.js';
import { ConstantLatencyModel } from '../../src/core/sim/constant-latency-model.js';
import { ProbabilisticFillModel } from '../../src/core/sim/probabilistic-fill-model.js';
import { IcebergVisible } from '../../src/core/sim/iceberg-visible.js';
import { SimulatedVenue } from '../../src/core/sim/simulated-venue.js';
import type { StrategyDefinition } from '../../src/ports/strategy.js';
import { symmetricDefinition } from '../../src/core/strategy/symmetric-strategy.js';
import { VirtualClock } from '../../src/core/time/virtual-clock.js';
import { ExecutionLoop } from '../../src/engine/execution-loop.js';
import { loopOrderCounts } from '../../src/engine/loop-counters.js';
import { runSession } from '../../src/engine/run-session.js';
import type { ExchangeClient } from '../../src/ports/exchange-client.js';
import type { MarketDataFeed } from '../../src/ports/market-data-feed.js';
import { FakeVenueRules } from '../../src/venues/fake/fake-venue-rules.js';

export interface ReplayRunOptions extends ReplayBuildOptions {
  /** Fill probability per update of a resting order. @default 0.2 */
  readonly fillRate?: number;
  /** @default '20' */
  readonly spreadBps?: number;
  /** Order notional, USDT. @default 50 */
  readonly orderNotionalUsd?: number;
  readonly wrapVenue?: (venue: ExchangeClient) => ExchangeClient;
  /** Replaces the feed the loop pulls from (the report still describes the replay). */
  readonly wrapFeed?: (feed: MarketDataFeed) => MarketDataFeed;
  /** Decorates the symmetric strategy the run quotes with (a recorder of its callbacks in tests). */
  readonly wrapStrategy?: (strategy: StrategyDefinition) => StrategyDefinition;
}

export interface ReplayRun {
  readonly replay: ReplayWiring;
  readonly loop: ExecutionLoop;
  readonly report: JsonValue;
  /** canonicalJson(report). */
  readonly text: string;
}

const TOOL = { name: 'shadow-exec', version: 'test' };

/** Runs `text` (replay file content) trading `specs` on the fake venue with seed 7 and latency 20 ms. */
export async function runReplay(label: string, text: string, specs: readonly InstrumentSpec[], options: ReplayRunOptions = {}): Promise<ReplayRun> {
  const replay = buildReplayFeedFromText(label, text, specs, options);
  const clock = new VirtualClock(replay.startMs);
  const scheduler = new EventScheduler();
  const rng = new SeededRng('shadow-exec:7');
  const instruments = specs.map((spec) => buildInstrument(spec));
  const fees = { makerPpm: 200, takerPpm: 550 };
  const fillRate = options.fillRate ?? 0.2;
  const venue = new SimulatedVenue({
    clock,
    scheduler,
    instruments: new Map(instruments.map((i) => [i.symbol, i])),
    rules: new FakeVenueRules(fees),
    fillModel: new ProbabilisticFillModel(rng.fork('fills'), fillRate, String(fillRate), new IcebergVisible(new Map(instruments.map((i) => [i.symbol, i])))),
    latency: new ConstantLatencyModel(20),
  });
  const client = options.wrapVenue?.(venue) ?? venue;
  const spreadBpsE4 = (options.spreadBps ?? 20) * 10_000;
  const edge = new EdgeTracker(replay.symbols, { halfSpreadBpsE4: spreadBpsE4 / 2, makerFeeBpsE4: 20_000, markoutMs: 1000, window: 20, minFills: 5 });
  const risk = new RiskMonitor({ maxInventoryE8: 1_000 * 1e8, maxTotalNotionalE8: 5_000 * 1e8, edgeThresholdBpsE4: -1_000_000 });
  const ledger = new Ledger(instruments, fees);
  const fillLog = new FillLog(5);
  const symmetric = symmetricDefinition({ spreadBpsE4, orderNotionalE8: (options.orderNotionalUsd ?? 50) * 1e8, requoteBpsE4: 10_000 }, instruments);
  const strategy = options.wrapStrategy?.(symmetric) ?? symmetric;
  const loop = new ExecutionLoop({
    clock, scheduler, venue: client, feed: options.wrapFeed?.(replay.feed) ?? replay.feed, book: replay.feed.book, instruments, strategy, risk, edge, ledger, fillLog,
    orderOptions: DEFAULT_ORDER_OPTIONS, requoteMode: 'replace', cancelMode: 'per-order', exitOco: null,
  });
  const run: ComposedRun = {
    clock,
    scheduler,
    loop,
    feed: replay.feed,
    startMs: replay.startMs,
    buildReport: (status) =>
      buildReport({
        tool: TOOL,
        seed: 7,
        config: { feed: replay.feed.kind },
        model: { market: replay.model },
        execution: {
          exchange: 'fake', mode: 'shadow', feed: replay.feed.kind, iterations: 0, symbols: replay.symbols, status,
          marketUpdates: loop.counters.marketUpdates, eventsProcessed: scheduler.processedCount, startMs: replay.startMs, endMs: clock.now(),
        },
        orders: loopOrderCounts(loop.counters, loop.openOrders),
        venue: client.stats(),
        ledger,
        fillLog,
        risk,
        edge,
        limits: { maxInvUsd: '1000', maxTotalUsd: '5000', edgeThresholdBps: '-100' },
        marketData: replay.healthReport(loop.marketEvents),
      }),
  };
  const result = await runSession(run, { stopRequested: () => false, yieldSlice: () => Promise.resolve(), sliceEvents: 64 });
  return { replay, loop, report: result.report, text: canonicalJson(result.report) };
}
