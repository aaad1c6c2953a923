// LoopPnlTotal keeps the drawdown rule's total PnL up to date from the books that changed: after random marks and fills it equals the sum of bookPnl over every book.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { buildInstrument } from '../../src/core/model/instrument.js';
import type { Fill } from '../../src/core/model/fill.js';
import type { OrderId, FillId } from '../../src/core/model/ids.js';
import { WorkingOrders } from '../../src/core/orders/working-orders.js';
import { Ledger, bookPnl } from '../../src/core/portfolio/ledger.js';
import { LoopExposure } from '../../src/engine/loop-exposure.js';
import { LoopPnlTotal } from '../../src/engine/loop-pnl-total.js';

const SYMBOLS = 4;
const INSTRUMENTS = Array.from({ length: SYMBOLS }, (_, i) =>
  buildInstrument({ symbol: `S${i}USDT`, baseAsset: `S${i}`, quoteAsset: 'USDT', tickSize: '0.1', lotSize: i % 2 === 0 ? '0.001' : '1', minQty: '1', maxQty: '1000000', minNotional: '0' }),
);

type Op = { kind: 'mark'; symbol: number; ticks: number } | { kind: 'fill'; symbol: number; buy: boolean; maker: boolean; ticks: number; lots: number };
const symbol = fc.integer({ min: 0, max: SYMBOLS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('mark' as const), symbol, ticks: fc.integer({ min: 0, max: 2_000_000 }) }),
  fc.record({ kind: fc.constant('fill' as const), symbol, buy: fc.boolean(), maker: fc.boolean(), ticks: fc.integer({ min: 1, max: 2_000_000 }), lots: fc.integer({ min: 1, max: 1_000 }) }),
);

function summed(ledger: Ledger): bigint {
  let total = 0n;
  for (const book of ledger.allBooks()) total += bookPnl(book).totalPico;
  return total;
}

describe('LoopPnlTotal.totalPico', () => {
  it('equals the sum of bookPnl over every book after any marks and fills, read at any points', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(op, fc.boolean()), { maxLength: 80 }), fc.boolean(), (ops, exposureToo) => {
        const ledger = new Ledger(INSTRUMENTS, { makerPpm: 100, takerPpm: 333 });
        // The ledger's other watcher, as in a run: both hear every change.
        if (exposureToo) new LoopExposure(INSTRUMENTS, ledger, new WorkingOrders(SYMBOLS));
        const pnl = new LoopPnlTotal(ledger, SYMBOLS);
        ops.forEach(([o, read], n) => {
          if (o.kind === 'mark') ledger.mark(o.symbol, o.ticks);
          else {
            const fill: Fill = { id: `f${n}` as FillId, orderId: `o${n}` as OrderId, symbol: INSTRUMENTS[o.symbol]!.symbol, symbolIndex: o.symbol, side: o.buy ? 'BUY' : 'SELL', priceTicks: o.ticks, qtyLots: o.lots, liquidity: o.maker ? 'MAKER' : 'TAKER', ts: n, quoteMidTicks: o.ticks };
            ledger.applyFill(fill);
          }
          if (read) expect(pnl.totalPico()).toBe(summed(ledger));
        });
        expect(pnl.totalPico()).toBe(summed(ledger));
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('refuses a third watcher of the ledger', () => {
    const ledger = new Ledger(INSTRUMENTS, { makerPpm: 0, takerPpm: 0 });
    new LoopPnlTotal(ledger, SYMBOLS);
    new LoopPnlTotal(ledger, SYMBOLS);
    expect(() => new LoopPnlTotal(ledger, SYMBOLS)).toThrow(/already watched/);
  });
});
