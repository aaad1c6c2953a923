// Property-based: under every fill model, random order flow, quotes, trades and latency keep orders, position, cash and fees exact after every event, and no maker fill exceeds an iceberg's visible slice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fill } from '../../../src/core/model/fill.js';
import type { OrderId, OrderNo } from '../../../src/core/model/ids.js';
import { sideSign, type Order, type Side } from '../../../src/core/model/order.js';
import { divRoundHalfEven } from '../../../src/core/money/bigint-math.js';
import { Ledger } from '../../../src/core/portfolio/ledger.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import type { FillModel } from '../../../src/ports/fill-model.js';
import { IcebergVisible } from '../../../src/core/sim/iceberg-visible.js';
import { JitteredLatencyModel } from '../../../src/core/sim/jittered-latency-model.js';
import { ProbabilisticFillModel } from '../../../src/core/sim/probabilistic-fill-model.js';
import { QueuePositionFillModel } from '../../../src/core/sim/queue-position-fill-model.js';
import { TradeThroughFillModel } from '../../../src/core/sim/trade-through-fill-model.js';
import type { VenueReject } from '../../../src/ports/venue-rules.js';
import type { BookView } from '../../../src/ports/book-view.js';
import type { ExecutionListener } from '../../../src/ports/exchange-client.js';
import { BTC, harness } from '../../helpers/venue-harness.js';

const FEES = { makerPpm: 200, takerPpm: 550 };
const MID = 934_000;
/** icebergQty 0.002 BTC at a 0.001 lot: each maker fill of an iceberg is at most 2 lots, under every model. */
const ICEBERG_VISIBLE_LOTS = 2;

type Op =
  | { kind: 'place'; side: Side; off: number; lots: number; iceberg: boolean }
  | { kind: 'cancel'; pick: number }
  | { kind: 'amend'; pick: number; off: number; lots: number }
  | { kind: 'quote'; bidOff: number; spread: number; bidLots: number; askLots: number }
  | { kind: 'trade'; off: number; lots: number; taker: 'buy' | 'sell' }
  | { kind: 'level'; side: Side; off: number; lots: number }
  | { kind: 'wait'; ms: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('place' as const), side: fc.constantFrom<Side>('BUY', 'SELL'), off: fc.integer({ min: -6, max: 6 }), lots: fc.integer({ min: 1, max: 20 }), iceberg: fc.boolean() }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('amend' as const), pick: fc.nat(), off: fc.integer({ min: -6, max: 6 }), lots: fc.integer({ min: 1, max: 25 }) }),
  fc.record({ kind: fc.constant('quote' as const), bidOff: fc.integer({ min: -6, max: 6 }), spread: fc.integer({ min: 1, max: 3 }), bidLots: fc.integer({ min: 1, max: 30 }), askLots: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('trade' as const), off: fc.integer({ min: -8, max: 8 }), lots: fc.integer({ min: 1, max: 40 }), taker: fc.constantFrom<'buy' | 'sell'>('buy', 'sell') }),
  fc.record({ kind: fc.constant('level' as const), side: fc.constantFrom<Side>('BUY', 'SELL'), off: fc.integer({ min: -6, max: 6 }), lots: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 120 }) }),
);

/** A book the program edits level by level. */
class ProgramBook implements BookView {
  readonly levels = new Map<string, number>();
  levelLots(_symbol: string, side: Side, priceTicks: number): number | null {
    return this.levels.get(`${side}:${priceTicks}`) ?? null;
  }
}

/** Independent book-keeping of what the venue reported, checked against the orders and the Ledger. */
class Audit implements ExecutionListener {
  readonly ledger = new Ledger([BTC], FEES);
  readonly orders = new Map<OrderId, Order>();
  readonly filledByOrder = new Map<OrderId, number>();
  positionLots = 0;
  cashPico = 0n;
  feesPico = 0n;
  problems: string[] = [];

  onAccepted(order: Order): void {
    this.orders.set(order.id, order);
  }
  onRejected(order: Order, _reject: VenueReject): void {
    this.orders.set(order.id, order);
  }
  onFill(fill: Fill, order: Order): void {
    this.orders.set(order.id, order);
    const before = this.filledByOrder.get(order.id) ?? 0;
    this.filledByOrder.set(order.id, before + fill.qtyLots);
    if (fill.qtyLots <= 0) this.problems.push(`${fill.id}: ${fill.qtyLots} lots`);
    if (fill.liquidity === 'MAKER' && fill.priceTicks !== order.priceTicks) this.problems.push(`${fill.id}: maker fill off the limit price`);
    if (fill.side === 'BUY' ? fill.priceTicks > order.priceTicks : fill.priceTicks < order.priceTicks) this.problems.push(`${fill.id}: worse than the limit`);
    if (fill.liquidity === 'MAKER' && order.options.icebergQty !== undefined && fill.qtyLots > ICEBERG_VISIBLE_LOTS) this.problems.push(`${fill.id}: ${fill.qtyLots} lots, above the iceberg's visible ${ICEBERG_VISIBLE_LOTS}`);
    const notional = BigInt(fill.priceTicks * fill.qtyLots) * BTC.atomPico;
    this.positionLots += sideSign(fill.side) * fill.qtyLots;
    this.cashPico -= BigInt(sideSign(fill.side)) * notional;
    this.feesPico += divRoundHalfEven(notional * BigInt(fill.liquidity === 'MAKER' ? FEES.makerPpm : FEES.takerPpm), 1_000_000n);
    this.ledger.applyFill(fill);
  }
  onCanceled(order: Order): void {
    this.orders.set(order.id, order);
  }
  onDropped(order: Order): void {
    this.orders.set(order.id, order);
  }
  onCancelRejected(): void {}
  onAmended(order: Order): void {
    this.orders.set(order.id, order);
  }
  onAmendRejected(): void {}
  onCancelAllRejected(): void {}

  /** Every invariant, as a list of violations (empty when all hold). */
  check(): string[] {
    const out = [...this.problems];
    for (const order of this.orders.values()) {
      const filled = this.filledByOrder.get(order.id) ?? 0;
      if (filled !== order.filledLots) out.push(`${order.id}: fills add to ${filled}, order says ${order.filledLots}`);
      if (order.filledLots < 0 || order.filledLots > order.qtyLots) out.push(`${order.id}: filled ${order.filledLots} of ${order.qtyLots}`);
      if ((order.status === 'FILLED') !== (order.filledLots === order.qtyLots)) out.push(`${order.id}: ${order.status} with ${order.filledLots}/${order.qtyLots}`);
      if (order.status === 'PARTIALLY_FILLED' && !(order.filledLots > 0 && order.filledLots < order.qtyLots)) out.push(`${order.id}: partial with ${order.filledLots}`);
      if (order.status === 'OPEN' && order.filledLots !== 0) out.push(`${order.id}: OPEN with fills`);
    }
    const book = this.ledger.book(0);
    if (book.positionLots !== this.positionLots) out.push(`position ${book.positionLots} ≠ ${this.positionLots}`);
    if (book.cashPico !== this.cashPico) out.push(`cash ${book.cashPico} ≠ ${this.cashPico}`);
    if (book.feesPico !== this.feesPico) out.push(`fees ${book.feesPico} ≠ ${this.feesPico}`);
    if (book.boughtLots - book.soldLots !== book.positionLots) out.push('bought − sold ≠ position');
    return out;
  }
}

function run(model: (book: ProgramBook) => FillModel, ops: readonly Op[], seed: number): string[] {
  const book = new ProgramBook();
  const h = harness({ fillModel: model(book), latency: new JitteredLatencyModel(10, 60, new SeededRng(`lat-${seed}`)) });
  const audit = new Audit();
  h.venue.setListener(audit);
  const ids: OrderNo[] = [];
  let t = 0;
  for (const o of ops) {
    switch (o.kind) {
      case 'place': {
        const iceberg = o.iceberg && o.lots > 3 ? { timeInForce: 'GTC' as const, postOnly: false, reduceOnly: false, icebergQty: '0.002' } : undefined;
        ids.push(h.place(o.side, MID + o.off, o.lots, 'BTCUSDT', iceberg));
        break;
      }
      case 'cancel':
        if (ids.length > 0) h.venue.cancelOrder(ids[o.pick % ids.length]!);
        break;
      case 'amend':
        if (ids.length > 0) h.venue.amendOrder(ids[o.pick % ids.length]!, MID + o.off, o.lots);
        break;
      case 'quote':
        h.quote(t, MID + o.bidOff, MID + o.bidOff + o.spread, o.bidLots, o.askLots);
        break;
      case 'trade':
        h.trade(t, MID + o.off, o.lots, o.taker);
        break;
      case 'level':
        book.levels.set(`${o.side}:${MID + o.off}`, o.lots);
        break;
      case 'wait':
        t += o.ms;
        h.runUntil(t);
        break;
    }
    const problems = audit.check();
    if (problems.length > 0) return problems;
  }
  h.runUntil(t + 1000);
  return audit.check();
}

const INSTRUMENTS = new Map([[BTC.symbol, BTC]]);
const MODELS: Record<string, (book: ProgramBook) => FillModel> = {
  probabilistic: () => new ProbabilisticFillModel(new SeededRng('fills'), 0.3, '0.3', new IcebergVisible(INSTRUMENTS)),
  'trade-through': () => new TradeThroughFillModel(new IcebergVisible(INSTRUMENTS)),
  'queue (proportional)': (book) => new QueuePositionFillModel(book, 'proportional', new IcebergVisible(INSTRUMENTS), INSTRUMENTS),
  'queue (behind-first)': (book) => new QueuePositionFillModel(book, 'behind-first', new IcebergVisible(INSTRUMENTS), INSTRUMENTS),
};

describe('fill model invariants', () => {
  for (const [name, model] of Object.entries(MODELS)) {
    it(`keeps order state, position, cash and fees exact after every event (${name})`, () => {
      fc.assert(
        fc.property(fc.array(op, { minLength: 20, maxLength: 150 }), fc.nat(1000), (ops, seed) => {
          expect(run(model, ops, seed)).toEqual([]);
        }),
        { numRuns: 150, seed: 20261121 },
      );
    });
  }
});
