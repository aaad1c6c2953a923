// LoopExposure keeps worstCaseTotalE8 up to date from the symbols that changed: after random ledger and working-order operations it equals the sum over every symbol, past 2^53 included.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { buildInstrument } from '../../src/core/model/instrument.js';
import type { Fill } from '../../src/core/model/fill.js';
import type { OrderId, FillId, OrderNo } from '../../src/core/model/ids.js';
import { WorkingOrders } from '../../src/core/orders/working-orders.js';
import { Ledger } from '../../src/core/portfolio/ledger.js';
import { worstCaseNotionalE8 } from '../../src/core/risk/exposure.js';
import { LoopExposure } from '../../src/engine/loop-exposure.js';

const SYMBOLS = 5;
const INSTRUMENTS = Array.from({ length: SYMBOLS }, (_, i) =>
  buildInstrument({ symbol: `S${i}USDT`, baseAsset: `S${i}`, quoteAsset: 'USDT', tickSize: '0.1', lotSize: i % 2 === 0 ? '0.001' : '1', minQty: '1', maxQty: '1000000', minNotional: '0' }),
);

type Op =
  | { kind: 'mark'; symbol: number; ticks: number }
  | { kind: 'fill'; symbol: number; buy: boolean; ticks: number; lots: number }
  | { kind: 'add'; symbol: number; buy: boolean; lots: number; quote: boolean }
  | { kind: 'reduce' | 'remove' | 'amend' | 'release'; pick: number; lots: number };

const symbol = fc.integer({ min: 0, max: SYMBOLS - 1 });
const lots = fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 2 ** 40 }));
const ticks = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2 ** 40 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('mark' as const), symbol, ticks }),
  fc.record({ kind: fc.constant('fill' as const), symbol, buy: fc.boolean(), ticks: fc.integer({ min: 1, max: 2_000_000 }), lots: fc.integer({ min: 1, max: 1_000 }) }),
  fc.record({ kind: fc.constant('add' as const), symbol, buy: fc.boolean(), lots, quote: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('reduce' as const, 'remove' as const, 'amend' as const, 'release' as const), pick: fc.nat(), lots: fc.integer({ min: 0, max: 1_000 }) }),
);

/** The definition: every symbol's worst case, summed in symbol order. */
function summed(ledger: Ledger, working: WorkingOrders): number {
  let total = 0;
  INSTRUMENTS.forEach((instrument, i) => {
    const book = ledger.book(i);
    const w = working.symbol(i);
    total += worstCaseNotionalE8(book.positionLots, w.openBuyLots, w.openSellLots, book.markTicks, instrument.atomE8);
  });
  return total;
}

describe('LoopExposure.worstCaseTotalE8', () => {
  it('equals the sum over every symbol after any sequence of marks, fills, adds, reduces, amends and removes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(op, fc.boolean()), { maxLength: 80 }), (ops) => {
        const ledger = new Ledger(INSTRUMENTS, { makerPpm: 100, takerPpm: 500 });
        const working = new WorkingOrders(SYMBOLS);
        const exposure = new LoopExposure(INSTRUMENTS, ledger, working);
        let next = 1;
        for (const [o, check] of ops) {
          const live = working.all();
          if (o.kind === 'mark') ledger.mark(o.symbol, o.ticks);
          else if (o.kind === 'fill') {
            const fill: Fill = { id: `f${next}` as FillId, orderId: `o${next}` as OrderId, symbol: INSTRUMENTS[o.symbol]!.symbol, symbolIndex: o.symbol, side: o.buy ? 'BUY' : 'SELL', priceTicks: o.ticks, qtyLots: o.lots, liquidity: 'MAKER', ts: next, quoteMidTicks: o.ticks };
            ledger.applyFill(fill);
            next++;
          } else if (o.kind === 'add') {
            const no = next++ as unknown as OrderNo;
            if (o.quote) working.add(no, o.symbol, o.buy ? 'BUY' : 'SELL', 100, o.lots);
            else working.addOther(no, o.symbol, o.buy ? 'BUY' : 'SELL', 100, o.lots);
          } else if (live.length > 0) {
            const order = live[o.pick % live.length]!;
            if (o.kind === 'reduce') working.reduce(order, Math.min(o.lots, order.remainingLots));
            else if (o.kind === 'remove') working.remove(order);
            else if (o.kind === 'amend') working.amend(order, order.priceTicks, o.lots);
            else working.release(order);
          }
          if (check) expect(exposure.worstCaseTotalE8()).toBe(summed(ledger, working));
        }
        expect(exposure.worstCaseTotalE8()).toBe(summed(ledger, working));
        expect(exposure.summedE8()).toBe(summed(ledger, working));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a mark given before the first check', () => {
    const ledger = new Ledger(INSTRUMENTS, { makerPpm: 0, takerPpm: 0 });
    const working = new WorkingOrders(SYMBOLS);
    const exposure = new LoopExposure(INSTRUMENTS, ledger, working);
    working.add(1 as unknown as OrderNo, 0, 'BUY', 100, 10);
    ledger.mark(0, 1_000_000);
    expect(exposure.worstCaseTotalE8()).toBe(10 * 1_000_000 * INSTRUMENTS[0]!.atomE8);
  });
});
