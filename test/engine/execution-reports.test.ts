// Covers ExecutionReports: partial and final fills keep working orders, ledger, fill log and counters in step; refusals, races and re-cancels.
import { describe, expect, it } from 'vitest';
import type { Fill } from '../../src/core/model/fill.js';
import type { FillId, OrderId, OrderNo } from '../../src/core/model/ids.js';
import { SymbolTable } from '../../src/core/model/symbol-table.js';
import { DEFAULT_ORDER_OPTIONS, type Order, type OrderStatus } from '../../src/core/model/order.js';
import { WorkingOrders } from '../../src/core/orders/working-orders.js';
import { FillLog } from '../../src/core/portfolio/fill-log.js';
import { Ledger } from '../../src/core/portfolio/ledger.js';
import { EdgeTracker } from '../../src/core/risk/edge-tracker.js';
import { VirtualClock } from '../../src/core/time/virtual-clock.js';
import { ExecutionReports } from '../../src/engine/execution-reports.js';
import { newLoopCounters } from '../../src/engine/loop-counters.js';
import { OrderCancellation } from '../../src/engine/order-cancellation.js';
import type { RiskSupervisor } from '../../src/engine/risk-supervisor.js';
import type { ExchangeClient } from '../../src/ports/exchange-client.js';
import { BTC } from '../helpers/venue-harness.js';

/** The order's number, and its id as reports print it. */
const NO = 1;
const ID = 'O-1' as OrderId;

function setup() {
  const sent: string[] = [];
  const answers: (string | null)[] = [];
  const venue = { cancelOrder: (order: OrderNo) => sent.push(`cancel ${order}`), cancelAll: () => {} } as unknown as ExchangeClient;
  const working = new WorkingOrders(1);
  const counters = newLoopCounters();
  const cancellation = new OrderCancellation({ clock: new VirtualClock(0), venue, working, counters, cancelMode: 'per-order', symbols: ['BTCUSDT'], exits: null });
  const supervisor = { onVenueAnswer: (code: string | null) => answers.push(code) } as unknown as RiskSupervisor;
  const ledger = new Ledger([BTC], { makerPpm: 200, takerPpm: 550 });
  const fillLog = new FillLog(10);
  const edge = new EdgeTracker(['BTCUSDT'], { halfSpreadBpsE4: 100_000, makerFeeBpsE4: 20_000, markoutMs: 1000, window: 20, minFills: 5 });
  const reports = new ExecutionReports({ working, cancellation, counters, supervisor, ledger, fillLog, edge, symbols: new SymbolTable(['BTCUSDT']) });
  const quote = working.add(NO, 0, 'BUY', 934_000, 10);
  const order: Order = {
    id: ID, seq: NO, symbol: 'BTCUSDT', symbolIndex: 0, side: 'BUY', priceTicks: 934_000, qtyLots: 10, quoteMidTicks: 934_005, options: DEFAULT_ORDER_OPTIONS,
    sentAt: 0, acceptedAt: 50, status: 'OPEN', filledLots: 0, cancelRequested: false, leg: null,
  };
  return { sent, answers, working, counters, cancellation, ledger, fillLog, reports, quote, order };
}

function fill(n: number, lots: number): Fill {
  return { id: `F-${n}` as FillId, orderId: ID, symbol: 'BTCUSDT', symbolIndex: 0, side: 'BUY', priceTicks: 934_000, qtyLots: lots, liquidity: 'MAKER', ts: 100 * n, quoteMidTicks: 934_005 };
}

/** Moves the venue's order as its fill would, then reports it. */
function report(s: ReturnType<typeof setup>, n: number, lots: number): void {
  s.order.filledLots += lots;
  s.order.status = (s.order.filledLots === s.order.qtyLots ? 'FILLED' : 'PARTIALLY_FILLED') as OrderStatus;
  s.reports.onFill(fill(n, lots), s.order);
}

describe('ExecutionReports', () => {
  it('books a partial fill and then the rest: remaining size, position, fees, leaves in the fill log, one filled order', () => {
    const s = setup();
    s.reports.onAccepted(s.order);
    report(s, 1, 3);
    expect(s.quote.remainingLots).toBe(7);
    expect(s.working.get(NO)).toBe(s.quote);
    expect(s.counters).toMatchObject({ fills: 1, ordersFilled: 0 });
    report(s, 2, 7);
    expect(s.working.get(NO)).toBeUndefined();
    expect(s.counters).toMatchObject({ fills: 2, ordersFilled: 1 });
    const book = s.ledger.book(0);
    expect(book.positionLots).toBe(10);
    expect(book.cashPico).toBe(-934_000n * 10n * BTC.atomPico); // 934.0 USDT for 0.01 BTC
    expect(book.feesPico).toBe((934_000n * 10n * BTC.atomPico * 200n) / 1_000_000n);
    expect(s.fillLog.recent().map((f) => [f.fill.qtyLots, f.leavesLots])).toEqual([[3, 7], [7, 0]]);
    expect(s.answers).toEqual([null]);
  });

  it('counts a cancel refused because the order filled first as a race lost', () => {
    const s = setup();
    s.cancellation.cancel(s.quote);
    report(s, 1, 10);
    s.reports.onCancelRejected(s.order, { code: 'FAKE_ORDER_FILLED', message: 'filled' });
    expect(s.counters.cancelRacesLost).toBe(1);
    expect(s.answers).toEqual(['FAKE_ORDER_FILLED']);
  });

  it('asks again, once accepted, when a cancel overtook its order', () => {
    const s = setup();
    s.cancellation.cancel(s.quote);
    s.order.status = 'NEW';
    s.reports.onCancelRejected(s.order, { code: 'FAKE_UNKNOWN_ORDER', message: 'unknown' });
    expect(s.quote.recancelOnAccept).toBe(true);
    s.order.status = 'OPEN';
    s.reports.onAccepted(s.order);
    expect(s.sent).toEqual(['cancel 1', 'cancel 1']);
    expect(s.quote.recancelOnAccept).toBe(false);
  });

  it('forgets a rejected order and tells the supervisor the code', () => {
    const s = setup();
    s.order.status = 'REJECTED';
    s.reports.onRejected(s.order, { code: 'FAKE_QTY_TOO_SMALL', message: 'small' });
    expect(s.working.get(NO)).toBeUndefined();
    expect(s.counters.ordersRejected).toBe(1);
    expect(s.answers).toEqual(['FAKE_QTY_TOO_SMALL']);
  });
});
