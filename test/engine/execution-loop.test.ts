// The execution loop end to end in-process: freeze behaviour, limit enforcement at every order, graceful stop, determinism.
import '../helpers/lazy-modules-setup.js';
import { DEFAULT_ORDER_OPTIONS } from '../../src/core/model/order.js';
import { describe, expect, it } from 'vitest';
import { composeRun, type ComposedRun } from '../../src/app/compose.js';
import type { RunInput } from '../../src/app/config/run-input.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';
import { canonicalJson } from '../../src/core/report/canonical-json.js';
import { worstCaseNotionalE8 } from '../../src/core/risk/exposure.js';
import { runSession, type SessionResult } from '../../src/engine/run-session.js';
import type { ExposureView } from '../../src/core/risk/risk-monitor.js';
import { RecordingExchangeClient } from '../helpers/recording-exchange-client.js';
import { ExecutionLoop } from '../../src/engine/execution-loop.js';
import { SimulatedVenue } from '../../src/core/sim/simulated-venue.js';
import { EventScheduler } from '../../src/core/scheduler/event-scheduler.js';
import { VirtualClock } from '../../src/core/time/virtual-clock.js';
import { SeededRng } from '../../src/core/random/seeded-rng.js';
import { ProbabilisticFillModel } from '../../src/core/sim/probabilistic-fill-model.js';
import { IcebergVisible } from '../../src/core/sim/iceberg-visible.js';
import { FakeVenueRules } from '../../src/venues/fake/fake-venue-rules.js';
import { FAKE_INSTRUMENTS } from '../../src/venues/fake/fake-instruments.js';
import { buildInstrument } from '../../src/core/model/instrument.js';
import { symmetricDefinition } from '../../src/core/strategy/symmetric-strategy.js';
import { RiskMonitor } from '../../src/core/risk/risk-monitor.js';
import { EdgeTracker } from '../../src/core/risk/edge-tracker.js';
import { Ledger } from '../../src/core/portfolio/ledger.js';
import { FillLog } from '../../src/core/portfolio/fill-log.js';
import { SyntheticFeed } from '../../src/feeds/synthetic/synthetic-feed.js';

const TOOL = { name: 'shadow-exec', version: 'test' };

interface Harness {
  readonly run: ComposedRun;
  readonly recorder: RecordingExchangeClient;
  /** Exposure seen just before each order was sent (the loop's own view). */
  readonly atSend: { pos: number; buys: number; sells: number; mark: number; atom: number; totalE8: number }[];
}

function harness(options: RunInput): Harness {
  let run: ComposedRun | undefined;
  let recorder: RecordingExchangeClient | undefined;
  const atSend: Harness['atSend'] = [];
  run = composeRun(validateRunConfig(options), TOOL, {
    wrapVenue: (venue) => {
      recorder = new RecordingExchangeClient(venue, () => run!.clock);
      const place = recorder.placeOrder.bind(recorder);
      recorder.placeOrder = (request) => {
        const view: ExposureView = run!.loop.exposure;
        atSend.push({
          pos: view.positionLots(request.symbolIndex),
          buys: view.openBuyLots(request.symbolIndex),
          sells: view.openSellLots(request.symbolIndex),
          mark: view.markTicks(request.symbolIndex),
          atom: view.atomE8(request.symbolIndex),
          totalE8: view.worstCaseTotalE8(),
        });
        return place(request);
      };
      return recorder;
    },
  });
  return { run, recorder: recorder!, atSend };
}

async function complete(run: ComposedRun, stopAfterUpdates = Infinity): Promise<SessionResult> {
  return runSession(run, {
    stopRequested: () => run.loop.counters.marketUpdates >= stopAfterUpdates,
    yieldSlice: () => Promise.resolve(),
    sliceEvents: 64,
  });
}

type Report = {
  risk: { frozen: boolean; freeze_events: number; freezes: { utc: string; orders_cancelled: number; reason: string }[]; blocks_by_reason: Record<string, number> };
  orders: { open_at_end: number; placed: number; placed_while_frozen: number };
  execution: { status: string; interrupted: boolean; market_updates: number };
};

const FREEZE_FLAGS: RunInput = {
  symbols: 'BTCUSDT,ETHUSDT',
  iterations: '2000',
  volatilityBps: '5',
  spreadBps: '8',
  latencyMs: '200',
  edgeThreshold: '1.5',
  fillRate: '0.1',
  seed: '42',
};

describe('ExecutionLoop', () => {
  it('freezes and cancels every open order when edge falls below the threshold, and places nothing afterwards', async () => {
    const { run, recorder } = harness(FREEZE_FLAGS);
    const result = await complete(run);
    const report = result.report as unknown as Report;
    expect(report.risk.frozen).toBe(true);
    const freeze = report.risk.freezes[0]!;
    expect(freeze.reason).toBe('EDGE_BELOW_THRESHOLD');
    const freezeMs = Date.parse(freeze.utc);
    expect(recorder.sent.filter((s) => s.at >= freezeMs)).toEqual([]);
    // Every order alive at the freeze got a cancel at the freeze time (or already had one in flight).
    const cancelledAtFreeze = recorder.cancels.filter((c) => c.at === freezeMs).length;
    expect(cancelledAtFreeze).toBeGreaterThan(0);
    expect(cancelledAtFreeze).toBeLessThanOrEqual(freeze.orders_cancelled);
    expect(report.orders.open_at_end).toBe(0);
    expect(report.orders.placed_while_frozen).toBe(0);
    expect(run.loop.openOrders).toBe(0);
  });

  it('never sends an order whose worst-case inventory on its side would exceed --max-inv, and blocks the rest', async () => {
    const maxInvE8 = 1500 * 1e8;
    const { run, recorder, atSend } = harness({ symbols: 'BTCUSDT,ETHUSDT,SOLUSDT', iterations: '1500', maxInv: '1500', maxTotal: '1000000', orderNotional: '500', fillRate: '0.2', seed: '3' });
    const report = (await complete(run)).report as unknown as Report;
    expect(report.risk.blocks_by_reason['MAX_INVENTORY']).toBeGreaterThan(0);
    expect(report.risk.blocks_by_reason['MAX_TOTAL_NOTIONAL']).toBeUndefined();
    recorder.sent.forEach((s, i) => {
      const e = atSend[i]!;
      const current = s.request.side === 'BUY' ? e.pos + e.buys : e.pos - e.sells;
      const projected = s.request.side === 'BUY' ? current + s.request.qtyLots : current - s.request.qtyLots;
      const breaches = Math.abs(projected) * e.mark * e.atom > maxInvE8 && Math.abs(projected) > Math.abs(current);
      expect(breaches, `order ${s.id} at ${s.at}`).toBe(false);
    });
  });

  it('never sends an order that would lift the worst-case total over --max-total, and blocks the rest', async () => {
    const maxTotalE8 = 3000 * 1e8;
    const { run, recorder, atSend } = harness({ symbols: 'BTCUSDT,ETHUSDT,SOLUSDT', iterations: '1500', maxInv: '1000000', maxTotal: '3000', orderNotional: '500', fillRate: '0.2', seed: '3' });
    const report = (await complete(run)).report as unknown as Report;
    expect(report.risk.blocks_by_reason['MAX_TOTAL_NOTIONAL']).toBeGreaterThan(0);
    expect(report.risk.blocks_by_reason['MAX_INVENTORY']).toBeUndefined();
    recorder.sent.forEach((s, i) => {
      const e = atSend[i]!;
      const before = worstCaseNotionalE8(e.pos, e.buys, e.sells, e.mark, e.atom);
      const after =
        s.request.side === 'BUY'
          ? worstCaseNotionalE8(e.pos, e.buys + s.request.qtyLots, e.sells, e.mark, e.atom)
          : worstCaseNotionalE8(e.pos, e.buys, e.sells + s.request.qtyLots, e.mark, e.atom);
      const totalAfter = e.totalE8 - before + after;
      expect(totalAfter > maxTotalE8 && totalAfter > e.totalE8, `order ${s.id} at ${s.at}`).toBe(false);
    });
  });

  it('places the same orders with no limits in force as it does below them (limits only remove orders)', async () => {
    const loose = harness({ symbols: 'BTCUSDT', iterations: '300', seed: '9', maxInv: '90000000', maxTotal: '90000000' });
    const looseReport = (await complete(loose.run)).report as unknown as Report;
    const tight = harness({ symbols: 'BTCUSDT', iterations: '300', seed: '9', maxInv: '600', maxTotal: '90000000' });
    const tightReport = (await complete(tight.run)).report as unknown as Report;
    expect(looseReport.risk.blocks_by_reason).toEqual({});
    expect(tightReport.risk.blocks_by_reason['MAX_INVENTORY']).toBeGreaterThan(0);
    expect(tightReport.orders.placed).toBeLessThan(looseReport.orders.placed);
  });

  it('stops the feed, cancels every open order and reports "interrupted" when a stop is requested', async () => {
    const { run, recorder } = harness({ symbols: 'BTCUSDT,ETHUSDT', iterations: '100000', fillRate: '0' });
    const result = await complete(run, 500);
    const report = result.report as unknown as Report;
    expect(result.status).toBe('interrupted');
    expect(report.execution.status).toBe('interrupted');
    expect(report.execution.interrupted).toBe(true);
    expect(report.execution.market_updates).toBeGreaterThanOrEqual(500);
    expect(report.execution.market_updates).toBeLessThan(1000);
    expect(report.orders.open_at_end).toBe(0);
    expect(recorder.cancels.length).toBeGreaterThan(0);
    expect(run.loop.openOrders).toBe(0);
  });

  it('produces identical report bytes for the same seed and different bytes for another seed', async () => {
    const bytes = async (seed: string) => canonicalJson((await complete(harness({ ...FREEZE_FLAGS, seed }).run)).report);
    const a = await bytes('11');
    const b = await bytes('11');
    const c = await bytes('12');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

describe('ExecutionLoop when a cancel overtakes its order', () => {
  it('sends the cancel again once the venue accepts the order, so nothing is left open', () => {

    const btc = buildInstrument(FAKE_INSTRUMENTS[0]!);
    const clock = new VirtualClock(0);
    const scheduler = new EventScheduler();
    const rng = new SeededRng('recancel');
    const fees = { makerPpm: 200, takerPpm: 550 };
    const venue = new SimulatedVenue({
      clock,
      scheduler,
      instruments: new Map([[btc.symbol, btc]]),
      rules: new FakeVenueRules(fees),
      fillModel: new ProbabilisticFillModel(rng.fork('fills'), 0, '0', new IcebergVisible(new Map([[btc.symbol, btc]]))),
      latency: { name: 'split', entryDelayMs: () => 100, cancelDelayMs: () => 10, amendDelayMs: () => 10, describe: () => ({}) },
    });
    const feed = new SyntheticFeed(
      { walks: [{ symbol: 'BTCUSDT', startBidTicks: 935000, spreadTicks: 1, sigmaTicks: 0, maxLevelLots: 10 }], startMs: 0, intervalMs: 100, iterations: 1 },
      rng.fork('market'),
    );
    const loop = new ExecutionLoop({
      clock,
      scheduler,
      venue,
      feed,
      instruments: [btc],
      strategy: symmetricDefinition({ spreadBpsE4: 200_000, orderNotionalE8: 500e8, requoteBpsE4: 20_000 }, [btc]),
      risk: new RiskMonitor({ maxInventoryE8: 1e12, maxTotalNotionalE8: 1e13, edgeThresholdBpsE4: -1e8 }),
      edge: new EdgeTracker(['BTCUSDT'], { halfSpreadBpsE4: 100_000, makerFeeBpsE4: 20_000, markoutMs: 1000, window: 20, minFills: 5 }),
      ledger: new Ledger([btc], fees),
      fillLog: new FillLog(10),
      orderOptions: DEFAULT_ORDER_OPTIONS,
      requoteMode: 'replace',
      cancelMode: 'per-order',
      exitOco: null,
    });
    loop.start();
    const drain = () => {
      for (let e = scheduler.pop(); e !== null; e = scheduler.pop()) {
        clock.advanceTo(e.time);
        e.action();
      }
    };
    // The single update at t=0 places a bid and an ask (entries land at t=100); stop at once: cancels land at t=10.
    scheduler.schedule(0, () => loop.stop('completed'));
    drain();
    const stats = venue.stats();
    expect(stats.ordersCreated).toBe(2);
    expect(stats.cancelsRejected).toBe(2);
    expect(stats.canceled).toBe(2);
    expect(stats.liveOrders).toBe(0);
    expect(loop.openOrders).toBe(0);
    expect(clock.now()).toBe(110);
  });
});
