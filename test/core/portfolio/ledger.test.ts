// Covers Ledger and bookPnl: average-cost positions, realised/unrealised PnL, maker/taker fees in ppm, all exact in pico-quote.
import { describe, it, expect } from 'vitest';
import { Ledger, averageEntry, bookPnl, type SymbolBook } from '../../../src/core/portfolio/ledger.js';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import type { Fill } from '../../../src/core/model/fill.js';
import type { FillId, OrderId } from '../../../src/core/model/ids.js';
import type { Liquidity, Side } from '../../../src/core/model/order.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { BTCUSDT_SPEC as BTC_SPEC } from '../../helpers/instrument-specs.js';

const BTC = buildInstrument(BTC_SPEC); // 1 tick × 1 lot = 1e-4 USDT = 100 000 000 pico
const ETH = buildInstrument({ ...BTC_SPEC, symbol: 'ETHUSDT', baseAsset: 'ETH', tickSize: '0.01', lotSize: '0.01', minQty: '0.01' });
const FEES = { makerPpm: 200, takerPpm: 550 }; // 2 bps maker, 5.5 bps taker

/** 1 USDT in pico-quote. */
const USDT = 1_000_000_000_000n;

let fillNo = 0;
/** A fill of symbol index `symbolIndex` (0: the ledger's first instrument). */
function fill(side: Side, priceTicks: number, qtyLots: number, liquidity: Liquidity = 'MAKER', symbol = 'BTCUSDT', symbolIndex = 0): Fill {
  fillNo++;
  return {
    id: `F-${fillNo}` as FillId,
    orderId: `O-${fillNo}` as OrderId,
    symbol,
    symbolIndex,
    side,
    priceTicks,
    qtyLots,
    liquidity,
    ts: 0,
    quoteMidTicks: priceTicks,
  };
}

function identityHolds(book: SymbolBook): void {
  const p = bookPnl(book);
  const direct = book.cashPico + BigInt(book.positionLots * book.markTicks) * book.instrument.atomPico - book.feesPico;
  expect(p.totalPico).toBe(direct);
  expect(p.realisedPico + p.unrealisedPico - p.feesPico).toBe(p.totalPico);
}

describe('Ledger.applyFill', () => {
  it('books a maker buy: position, cost, cash and a 2 bps fee', () => {
    const ledger = new Ledger([BTC], FEES);
    // 10 lots (0.01 BTC) at 93 500.0 = 935 USDT; fee 935 × 0.0002 = 0.187 USDT
    expect(ledger.applyFill(fill('BUY', 935000, 10))).toBe(187_000_000_000n);
    const book = ledger.book(0);
    expect(book.positionLots).toBe(10);
    expect(book.costBasisPico).toBe(935n * USDT);
    expect(book.cashPico).toBe(-935n * USDT);
    expect(book.feesPico).toBe(187_000_000_000n);
  });

  it('charges the taker rate (5.5 bps) on a taker fill', () => {
    const ledger = new Ledger([BTC], FEES);
    // 935 × 0.00055 = 0.51425 USDT
    expect(ledger.applyFill(fill('BUY', 935000, 10, 'TAKER'))).toBe(514_250_000_000n);
    expect(ledger.book(0).feesPico).toBe(514_250_000_000n);
  });

  it('realises the exact profit of a buy then a sell at a higher price', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('BUY', 935000, 10));
    ledger.applyFill(fill('SELL', 936000, 10)); // +100 USDT/BTC on 0.01 BTC = +1 USDT
    const book = ledger.book(0);
    ledger.mark(0, 999999);
    expect(book.positionLots).toBe(0);
    expect(book.costBasisPico).toBe(0n);
    expect(book.cashPico).toBe(USDT);
    expect(bookPnl(book)).toEqual({
      realisedPico: USDT,
      unrealisedPico: 0n,
      feesPico: 374_200_000_000n, // 0.187 + 0.1872
      totalPico: 625_800_000_000n,
      positionValuePico: 0n,
    });
  });

  it('realises the exact profit of a short covered lower, and marks the open short before covering', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('SELL', 936000, 10));
    const book = ledger.book(0);
    expect(book.positionLots).toBe(-10);
    expect(book.costBasisPico).toBe(-936n * USDT);
    expect(book.cashPico).toBe(936n * USDT);
    ledger.mark(0, 935500);
    const open = bookPnl(book);
    expect(open.realisedPico).toBe(0n);
    expect(open.positionValuePico).toBe(-935_500_000_000_000n);
    expect(open.unrealisedPico).toBe(500_000_000_000n); // short gained 0.5 USDT
    ledger.applyFill(fill('BUY', 935000, 10));
    expect(book.positionLots).toBe(0);
    expect(book.costBasisPico).toBe(0n);
    expect(bookPnl(book).realisedPico).toBe(USDT);
    expect(bookPnl(book).unrealisedPico).toBe(0n);
  });

  it('flips through zero: closes the long, realises its PnL and opens the rest at the fill price', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('BUY', 935000, 10));
    ledger.applyFill(fill('SELL', 936000, 15));
    const book = ledger.book(0);
    expect(book.positionLots).toBe(-5);
    expect(book.costBasisPico).toBe(-468n * USDT); // 5 lots × 936 000 ticks × 1e8
    expect(book.cashPico).toBe(469n * USDT); // −935 + 1404
    expect(averageEntry(book)).toEqual({ costPico: 468n * USDT, lots: 5 });
    ledger.mark(0, 937000);
    const p = bookPnl(book);
    expect(p.realisedPico).toBe(USDT);
    expect(p.positionValuePico).toBe(-468_500_000_000_000n);
    expect(p.unrealisedPico).toBe(-500_000_000_000n);
    ledger.applyFill(fill('BUY', 937000, 5));
    expect(book.positionLots).toBe(0);
    expect(bookPnl(book).realisedPico).toBe(500_000_000_000n); // +1 on the long, −0.5 on the short
  });

  it('flips a short into a long the same way', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('SELL', 936000, 10));
    ledger.applyFill(fill('BUY', 935000, 12));
    const book = ledger.book(0);
    expect(book.positionLots).toBe(2);
    expect(book.costBasisPico).toBe(187n * USDT); // 2 × 935 000 × 1e8
    expect(bookPnl(book).realisedPico).toBe(USDT);
  });

  it('flips by a single lot, opening it at the fill price', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('BUY', 935000, 10));
    ledger.applyFill(fill('SELL', 936000, 11));
    const book = ledger.book(0);
    expect(book.positionLots).toBe(-1);
    expect(book.costBasisPico).toBe(-93_600_000_000_000n); // 1 × 936 000 × 1e8
    expect(bookPnl(book).realisedPico).toBe(USDT);
  });

  it('reduces a position partially at its average cost', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('BUY', 935000, 10));
    ledger.applyFill(fill('BUY', 935100, 10)); // average 935 050
    ledger.applyFill(fill('SELL', 936000, 5)); // 950 ticks × 5 lots × 1e-4 = 0.475 USDT
    const book = ledger.book(0);
    expect(book.positionLots).toBe(15);
    expect(book.costBasisPico).toBe(1_402_575_000_000_000n); // ¾ of 1 870 100 000 000 000
    expect(bookPnl(book).realisedPico).toBe(475_000_000_000n);
  });

  it('rounds the cost removed by a partial close half-to-even to the pico', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('BUY', 935000, 1));
    ledger.applyFill(fill('BUY', 935001, 2)); // cost 280 500 200 000 000 over 3 lots
    ledger.applyFill(fill('SELL', 935000, 1)); // removes 93 500 066 666 666.67 → …667
    const book = ledger.book(0);
    expect(book.costBasisPico).toBe(187_000_133_333_333n);
    expect(book.cashPico).toBe(-187_000_200_000_000n);
    expect(bookPnl(book).realisedPico).toBe(-66_666_667n);
    ledger.mark(0, 935000);
    identityHolds(book);
  });

  it('rounds fees half-to-even and books a negative rate as a rebate', () => {
    const fine = buildInstrument({ ...BTC_SPEC, symbol: 'FINE', tickSize: '0.0001', lotSize: '0.0001', minQty: '0.0001' }); // atomPico 10 000
    const ledger = new Ledger([fine], { makerPpm: 1, takerPpm: -100 });
    expect(ledger.applyFill(fill('BUY', 1, 50, 'MAKER', 'FINE'))).toBe(0n); // 0.5 → 0
    expect(ledger.applyFill(fill('BUY', 1, 150, 'MAKER', 'FINE'))).toBe(2n); // 1.5 → 2
    expect(ledger.applyFill(fill('BUY', 1, 250, 'MAKER', 'FINE'))).toBe(2n); // 2.5 → 2
    expect(ledger.applyFill(fill('BUY', 1, 170, 'MAKER', 'FINE'))).toBe(2n); // 1.7 → 2
    expect(ledger.applyFill(fill('SELL', 1, 50, 'TAKER', 'FINE'))).toBe(-50n); // rebate
    expect(ledger.book(0).feesPico).toBe(-44n);
  });

  it('counts fills, maker/taker, bought/sold lots and traded notional', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('BUY', 935000, 10));
    ledger.applyFill(fill('SELL', 936000, 4, 'TAKER'));
    ledger.applyFill(fill('SELL', 936000, 3));
    const book = ledger.book(0);
    expect(book.fills).toBe(3);
    expect(book.makerFills).toBe(2);
    expect(book.takerFills).toBe(1);
    expect(book.boughtLots).toBe(10);
    expect(book.soldLots).toBe(7);
    expect(book.tradedNotionalPico).toBe(935n * USDT + 655_200_000_000_000n); // 7 × 936 000 × 1e8
  });

  it('keeps symbols apart and lists books in instrument order', () => {
    const ledger = new Ledger([ETH, BTC], FEES);
    ledger.applyFill(fill('BUY', 335000, 3, 'MAKER', 'ETHUSDT', 0));
    expect(ledger.book(0).positionLots).toBe(3);
    expect(ledger.book(1).positionLots).toBe(0);
    expect([...ledger.allBooks()].map((b) => b.instrument.symbol)).toEqual(['ETHUSDT', 'BTCUSDT']);
    expect(ledger.symbols).toEqual(['ETHUSDT', 'BTCUSDT']);
  });

  it('throws for a symbol index beyond its instruments, and for an instrument given twice', () => {
    const ledger = new Ledger([BTC], FEES);
    expect(() => ledger.book(1)).toThrow('invariant violated: ledger has no symbol index 1');
    expect(() => new Ledger([BTC, BTC], FEES)).toThrow('invariant violated: ledger given symbol BTCUSDT twice');
  });

  it('keeps total = cash + position × mark − fees exactly over 500 seeded random fills', () => {
    const rng = new SeededRng('ledger-identity');
    const ledger = new Ledger([BTC], FEES);
    const book = ledger.book(0);
    for (let i = 0; i < 500; i++) {
      const side: Side = rng.next() < 0.5 ? 'BUY' : 'SELL';
      const price = 930000 + Math.floor(rng.next() * 10000);
      const qty = 1 + Math.floor(rng.next() * 25);
      ledger.applyFill(fill(side, price, qty, rng.next() < 0.8 ? 'MAKER' : 'TAKER'));
      ledger.mark(0, 930000 + Math.floor(rng.next() * 10000));
      identityHolds(book);
      if (book.positionLots === 0) expect(book.costBasisPico).toBe(0n);
      else expect(Math.sign(Number(book.costBasisPico))).toBe(Math.sign(book.positionLots));
    }
  });
});

describe('bookPnl and averageEntry', () => {
  it('is all zero for an untouched book', () => {
    const ledger = new Ledger([BTC], FEES);
    expect(bookPnl(ledger.book(0))).toEqual({
      realisedPico: 0n,
      unrealisedPico: 0n,
      feesPico: 0n,
      totalPico: 0n,
      positionValuePico: 0n,
    });
    expect(averageEntry(ledger.book(0))).toBeNull();
  });

  it('marks an open long: value, unrealised and total', () => {
    const ledger = new Ledger([BTC], FEES);
    ledger.applyFill(fill('BUY', 935000, 10));
    ledger.mark(0, 934000);
    expect(bookPnl(ledger.book(0))).toEqual({
      realisedPico: 0n,
      unrealisedPico: -USDT,
      feesPico: 187_000_000_000n,
      totalPico: -1_187_000_000_000n,
      positionValuePico: 934n * USDT,
    });
    expect(averageEntry(ledger.book(0))).toEqual({ costPico: 935n * USDT, lots: 10 });
  });
});
