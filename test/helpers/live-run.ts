// Builds a live run by hand the way compose.ts wires it (LiveFeed → ExecutionLoop on the fake venue rules), so session tests can tune the feed's ports (fast backoff, low circuit threshold).
import './lazy-modules-setup.js';
import { buildLiveFeed, type LiveBuildPorts, type LiveBuildSettings, type LiveWiring } from '../../src/app/compose-live.js';
import type { ComposedRun } from '../../src/app/compose.js';
import { buildInstrument, type InstrumentSpec } from '../../src/core/model/instrument.js';
import { DEFAULT_ORDER_OPTIONS } from '../../src/core/model/order.js';
import { FillLog } from '../../src/core/portfolio/fill-log.js';
import { Ledger } from '../../src/core/portfolio/ledger.js';
import { SeededRng } from '../../src/core/random/seeded-rng.js';
import { buildReport } from '../../src/core/report/build-report.js';
import { EdgeTracker } from '../../src/core/risk/edge-tracker.js';
import { RiskMonitor } from '../../src/core/risk/risk-monitor.js';
import { EventScheduler } from '../../src/core/scheduler/event-scheduler.js';
import { ConstantLatencyModel } from '../../src/core/sim/constant-latency-model.js';
import { ProbabilisticFillModel } from '../../src/core/sim/probabilistic-fill-model.js';
import { IcebergVisible } from '../../src/core/sim/iceberg-visible.js';
import { SimulatedVenue } from '../../src/core/sim/simulated-venue.js';
import { symmetricDefinition } from '../../src/core/strategy/symmetric-strategy.js';
import { VirtualClock } from '../../src/core/time/virtual-clock.js';
import { ExecutionLoop } from '../../src/engine/execution-loop.js';
import { loopOrderCounts } from '../../src/engine/loop-counters.js';
import { FakeVenueRules } from '../../src/venues/fake/fake-venue-rules.js';

export interface LiveRun {
  readonly run: ComposedRun;
  readonly live: LiveWiring;
}

const TOOL = { name: 'shadow-exec', version: 'test' };

/** A live run trading `specs` on the fake venue rules: fill rate 1, latency `latencyMs`, spread 40 bps, no freeze. */
export function composeLiveRun(settings: LiveBuildSettings, specs: readonly InstrumentSpec[], ports: LiveBuildPorts, latencyMs = 0): LiveRun {
  const rng = new SeededRng('shadow-exec:7');
  const live = buildLiveFeed(settings, specs, rng, ports);
  const clock = new VirtualClock(live.startMs);
  const scheduler = new EventScheduler();
  const instruments = specs.map((spec) => buildInstrument(spec));
  const fees = { makerPpm: 200, takerPpm: 550 };
  const venue = new SimulatedVenue({
    clock,
    scheduler,
    instruments: new Map(instruments.map((i) => [i.symbol, i])),
    rules: new FakeVenueRules(fees),
    fillModel: new ProbabilisticFillModel(rng.fork('fills'), 1, '1', new IcebergVisible(new Map(instruments.map((i) => [i.symbol, i])))),
    latency: new ConstantLatencyModel(latencyMs),
  });
  const edge = new EdgeTracker(specs.map((s) => s.symbol), { halfSpreadBpsE4: 200_000, makerFeeBpsE4: 20_000, markoutMs: 1000, window: 20, minFills: 5 });
  const risk = new RiskMonitor({ maxInventoryE8: 10_000 * 1e8, maxTotalNotionalE8: 50_000 * 1e8, edgeThresholdBpsE4: -100_000_000 });
  const ledger = new Ledger(instruments, fees);
  const fillLog = new FillLog(5);
  const strategy = symmetricDefinition({ spreadBpsE4: 400_000, orderNotionalE8: 500 * 1e8, requoteBpsE4: 20_000 }, instruments);
  const loop = new ExecutionLoop({
    clock, scheduler, venue, feed: live.feed, instruments, strategy, risk, edge, ledger, fillLog,
    orderOptions: DEFAULT_ORDER_OPTIONS, requoteMode: 'replace', cancelMode: 'per-order', exitOco: null,
  });
  const run: ComposedRun = {
    clock,
    scheduler,
    loop,
    feed: live.feed,
    startMs: live.startMs,
    buildReport: (status) =>
      buildReport({
        tool: TOOL,
        seed: 7,
        config: { feed: live.feed.kind },
        model: { market: live.model },
        execution: {
          exchange: 'fake', mode: 'shadow', feed: live.feed.kind, iterations: 0, symbols: specs.map((s) => s.symbol), status,
          marketUpdates: loop.counters.marketUpdates, eventsProcessed: scheduler.processedCount, startMs: live.startMs, endMs: clock.now(),
        },
        orders: loopOrderCounts(loop.counters, loop.openOrders),
        venue: venue.stats(),
        ledger,
        fillLog,
        risk,
        edge,
        limits: { maxInvUsd: '10000', maxTotalUsd: '50000', edgeThresholdBps: '-10000' },
        marketData: live.healthReport(loop.marketEvents),
      }),
  };
  return { run, live };
}
