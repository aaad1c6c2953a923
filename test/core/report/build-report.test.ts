// Covers buildReport: positions, PnL, fees, fills, edge and freeze sections as exact decimal strings from a hand-built run state; the optional market_data section.
import { describe, it, expect } from 'vitest';
import { buildReport, type ReportInput } from '../../../src/core/report/build-report.js';
import { canonicalJson, type JsonValue } from '../../../src/core/report/canonical-json.js';
import { Ledger } from '../../../src/core/portfolio/ledger.js';
import { FillLog } from '../../../src/core/portfolio/fill-log.js';
import { RiskMonitor } from '../../../src/core/risk/risk-monitor.js';
import { EdgeTracker } from '../../../src/core/risk/edge-tracker.js';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import type { Fill } from '../../../src/core/model/fill.js';
import type { FillId, OrderId } from '../../../src/core/model/ids.js';
import type { Side } from '../../../src/core/model/order.js';
import type { VenueStats } from '../../../src/ports/exchange-client.js';
import { FAKE_INSTRUMENTS } from '../../../src/venues/fake/fake-instruments.js';
import { NO_WIRE_TRAFFIC } from '../../../src/core/sim/wire-counters.js';

const START = 1_735_689_600_000;
const BTC = buildInstrument(FAKE_INSTRUMENTS[0]!);
const ETH = buildInstrument(FAKE_INSTRUMENTS[1]!);

function fill(n: number, side: Side, priceTicks: number, qtyLots: number, ts: number): Fill {
  return {
    id: `F-${n}` as FillId,
    orderId: `O-${n}` as OrderId,
    symbol: 'BTCUSDT',
    symbolIndex: 0,
    side,
    priceTicks,
    qtyLots,
    liquidity: 'MAKER',
    ts,
    quoteMidTicks: priceTicks,
  };
}

const VENUE: VenueStats = {
  ordersCreated: 2,
  accepted: 2,
  rejected: 0,
  rejectsByCode: {},
  filled: 2,
  partiallyFilled: 0,
  canceled: 0,
  amended: 0,
  amendsRejected: 0,
  ocoLists: 0,
  dequeued: 0,
  ocoListsDequeued: 0,
  stopsTriggered: 0,
  venueCancels: {},
  cancelsRejected: 0,
  fills: 2,
  makerFills: 2,
  takerFills: 0,
  liveOrders: 0,
  fillModel: { fills_when_crossed: 1, fills_by_chance: 2 },
  api: {},
  wire: { ...NO_WIRE_TRAFFIC, createsSent: 2 },
};

function input(): ReportInput {
  const ledger = new Ledger([BTC, ETH], { makerPpm: 200, takerPpm: 550 });
  const fillLog = new FillLog(1);
  const fills = [fill(1, 'BUY', 935000, 10, START + 100), fill(2, 'SELL', 936000, 15, START + 200)];
  for (const f of fills) fillLog.add(f, ledger.applyFill(f), 5); // 5 lots (0.005 BTC) of each order left open
  ledger.mark(0, 937000);
  const risk = new RiskMonitor({ maxInventoryE8: 1, maxTotalNotionalE8: 1, edgeThresholdBpsE4: 10_000 });
  const event = risk.evaluateEdge('BTCUSDT', -12_345, START + 1500)!;
  event.ordersCancelled = 2;
  event.cancelsConfirmedAt = START + 1560;
  const edge = new EdgeTracker(['BTCUSDT', 'ETHUSDT'], { halfSpreadBpsE4: 100_000, makerFeeBpsE4: 20_000, markoutMs: 1000, window: 10, minFills: 1 });
  return {
    tool: { name: 'shadow-exec', version: '0.0.0-test' },
    seed: 42,
    config: { symbols: ['BTCUSDT', 'ETHUSDT'] },
    model: { fill: 'probabilistic' },
    execution: {
      exchange: 'fake',
      mode: 'shadow',
      feed: 'synthetic',
      iterations: 10,
      symbols: ['BTCUSDT', 'ETHUSDT'],
      status: 'completed',
      marketUpdates: 20,
      eventsProcessed: 27,
      startMs: START,
      endMs: START + 2000,
    },
    orders: { placed: 2, filled: 2, canceled: 0, rejected: 0, cancelRetries: 0, amendsRejected: 0, exitOcosPlaced: 0, exitOcosCancelled: 0, exitOcosSkipped: 0, exitOcoLegsFilled: 0, exitOcoLegsCanceled: 0, exitOcoLegsRejected: 0, cancelRacesLost: 0, zeroSizeQuotes: 0, placedWhileFrozen: 0, openAtEnd: 0 },
    venue: VENUE,
    ledger,
    fillLog,
    risk,
    edge,
    limits: { maxInvUsd: '1000', maxTotalUsd: '5000', edgeThresholdBps: '1' },
  };
}

function get(value: JsonValue, ...path: string[]): JsonValue {
  let v: JsonValue = value;
  for (const key of path) v = (v as Record<string, JsonValue>)[key]!;
  return v;
}

describe('buildReport', () => {
  const report = buildReport(input());

  it('reports positions with mark, average entry, signed value and cash (realised = cash + cost basis)', () => {
    expect(get(report, 'positions')).toEqual({
      by_symbol: {
        BTCUSDT: { qty: '-0.005', mark_price: '93700', avg_entry_price: '93600', value_usd: '-468.5', cash_usd: '469' },
        ETHUSDT: { qty: '0', mark_price: null, avg_entry_price: null, value_usd: '0', cash_usd: '0' },
      },
      net_pos_usd: '-468.5',
      total_notional_usd: '468.5',
      cash_usd: '469',
    });
  });

  it('reports PnL and fees exactly: +1 realised, −0.5 unrealised, 0.4678 fees', () => {
    expect(get(report, 'pnl')).toEqual({
      realized: '1',
      unrealized: '-0.5',
      fees: '0.4678',
      total: '0.0322',
      by_symbol: {
        BTCUSDT: { realized: '1', unrealized: '-0.5', fees: '0.4678', total: '0.0322' },
        ETHUSDT: { realized: '0', unrealized: '0', fees: '0', total: '0' },
      },
    });
    expect(get(report, 'fees')).toEqual({ total: '0.4678', by_symbol: { BTCUSDT: '0.4678', ETHUSDT: '0' } });
  });

  it('reports fill counts per symbol and only the kept recent fills', () => {
    expect(get(report, 'fills', 'by_symbol', 'BTCUSDT')).toEqual({
      count: 2,
      maker: 2,
      taker: 0,
      bought_qty: '0.01',
      sold_qty: '0.015',
      notional_usd: '2339',
    });
    expect(get(report, 'fills', 'recent')).toEqual([
      {
        id: 'F-2',
        order_id: 'O-2',
        symbol: 'BTCUSDT',
        side: 'SELL',
        price: '93600',
        qty: '0.015',
        liquidity: 'MAKER',
        leaves_qty: '0.005',
        fee: '0.2808',
        utc: '2025-01-01T00:00:00.200Z',
      },
    ]);
    expect(get(report, 'fills', 'count')).toBe(2);
    expect(get(report, 'fills', 'recent_omitted')).toBe(1);
    expect(get(report, 'fills', 'partial')).toBe(VENUE.partiallyFilled);
    expect(get(report, 'fills', 'model')).toEqual({ fills_when_crossed: 1, fills_by_chance: 2 });
  });

  it('reports the freeze count as freeze_events (a number, as the original tool did), the record in freezes with its cancel timing, and the edge per symbol', () => {
    expect(get(report, 'risk', 'freeze_events')).toBe(1);
    expect(get(report, 'risk', 'freezes_total')).toBe(1);
    expect(get(report, 'risk', 'freezes')).toEqual([
      {
        reason: 'EDGE_BELOW_THRESHOLD',
        symbol: 'BTCUSDT',
        source: 'auto',
        utc: '2025-01-01T00:00:01.500Z',
        net_edge_bps: '-1.2345',
        threshold_bps: '1',
        stale_age_ms: null,
        drawdown_usd: null,
        orders_cancelled: 2,
        cancels_confirmed_utc: '2025-01-01T00:00:01.560Z',
        cancel_duration_ms: 60,
      },
    ]);
    expect(get(report, 'risk', 'state')).toBe('FROZEN');
    expect(get(report, 'risk', 'last_freeze_reason')).toBe('EDGE_BELOW_THRESHOLD');
    expect(get(report, 'risk', 'edge_by_symbol', 'ETHUSDT')).toEqual({
      net_edge_bps: '8',
      adverse_selection_bps: '0',
      half_spread_bps: '10',
      maker_fee_bps: '2',
      matured_markouts: 0,
      pending_markouts: 0,
    });
  });

  it('reports execution and runtime from virtual time only', () => {
    expect(get(report, 'execution', 'virtual_duration_ms')).toBe(2000);
    expect(get(report, 'execution', 'interrupted')).toBe(false);
    expect(get(report, 'runtime')).toEqual({ clock: 'virtual', start_utc: '2025-01-01T00:00:00.000Z', utc: '2025-01-01T00:00:02.000Z' });
  });

  it('reports null cancel timing while a freeze\'s cancels are unconfirmed', () => {
    const i = input();
    const risk = new RiskMonitor({ maxInventoryE8: 1, maxTotalNotionalE8: 1, edgeThresholdBpsE4: 0 });
    risk.evaluateEdge('ETHUSDT', -1, START);
    const events = get(buildReport({ ...i, risk }), 'risk', 'freezes') as JsonValue[];
    expect(events[0]).toMatchObject({ cancels_confirmed_utc: null, cancel_duration_ms: null, symbol: 'ETHUSDT' });
  });

  it('adds a market_data section only when the input carries one (replay and live feeds)', () => {
    expect(Object.keys(report as Record<string, JsonValue>)).not.toContain('market_data');
    const withFeed = buildReport({ ...input(), marketData: { records: 3 } }) as Record<string, JsonValue>;
    expect(withFeed['market_data']).toEqual({ records: 3 });
  });

  it('is canonicalisable and the same for the same input', () => {
    expect(canonicalJson(buildReport(input()))).toBe(canonicalJson(report));
  });
});
