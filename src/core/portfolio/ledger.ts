// Ledger: positions, cash, fees and PnL per symbol, exact (lots as integers, money as bigint pico-quote).
import type { Fill } from '../model/fill.js';
import type { Instrument } from '../model/instrument.js';
import { sideSign } from '../model/order.js';
import type { FeeSchedule } from '../sim/fee-schedule.js';
import { divRoundHalfEven, absBig } from '../money/bigint-math.js';

const PPM = 1_000_000n;

/**
 * One symbol's book-keeping. Invariants (pico-quote):
 *   realised = cash + costBasis; unrealised = position × mark − costBasis;
 *   total = realised + unrealised − fees = cash + position × mark − fees (exact, no rounding).
 * costBasis is signed (short positions carry negative cost) and follows the average-cost method.
 */
export interface SymbolBook {
  readonly instrument: Instrument;
  positionLots: number;
  costBasisPico: bigint;
  cashPico: bigint;
  feesPico: bigint;
  markTicks: number;
  fills: number;
  makerFills: number;
  takerFills: number;
  boughtLots: number;
  soldLots: number;
  tradedNotionalPico: bigint;
}

export class Ledger {
  private readonly books = new Map<string, SymbolBook>();

  constructor(
    instruments: readonly Instrument[],
    private readonly fees: FeeSchedule,
  ) {
    for (const instrument of instruments) {
      this.books.set(instrument.symbol, {
        instrument,
        positionLots: 0,
        costBasisPico: 0n,
        cashPico: 0n,
        feesPico: 0n,
        markTicks: 0,
        fills: 0,
        makerFills: 0,
        takerFills: 0,
        boughtLots: 0,
        soldLots: 0,
        tradedNotionalPico: 0n,
      });
    }
  }

  book(symbol: string): SymbolBook {
    const book = this.books.get(symbol);
    if (book === undefined) throw new Error(`ledger has no symbol ${symbol}`);
    return book;
  }

  /** Books in the order the instruments were given (the config's symbol order). */
  allBooks(): IterableIterator<SymbolBook> {
    return this.books.values();
  }

  mark(symbol: string, markTicks: number): void {
    this.book(symbol).markTicks = markTicks;
  }

  /** Applies a fill; returns its fee in pico-quote. */
  applyFill(fill: Fill): bigint {
    const book = this.book(fill.symbol);
    const atom = book.instrument.atomPico;
    const sign = sideSign(fill.side);
    const notional = BigInt(fill.priceTicks * fill.qtyLots) * atom;
    const ppm = BigInt(fill.liquidity === 'MAKER' ? this.fees.makerPpm : this.fees.takerPpm);
    const fee = divRoundHalfEven(notional * ppm, PPM);

    const pos = book.positionLots;
    if (pos === 0 || Math.sign(pos) === sign) {
      book.costBasisPico += BigInt(sign) * notional;
      book.positionLots = pos + sign * fill.qtyLots;
    } else {
      const absPos = Math.abs(pos);
      const closing = Math.min(fill.qtyLots, absPos);
      const removed = divRoundHalfEven(book.costBasisPico * BigInt(closing), BigInt(absPos));
      book.costBasisPico -= removed;
      const opening = fill.qtyLots - closing;
      book.positionLots = pos + sign * fill.qtyLots;
      if (opening > 0) book.costBasisPico = BigInt(sign * fill.priceTicks * opening) * atom;
    }
    book.cashPico -= BigInt(sign) * notional;
    book.feesPico += fee;
    book.fills++;
    if (fill.liquidity === 'MAKER') book.makerFills++;
    else book.takerFills++;
    if (sign > 0) book.boughtLots += fill.qtyLots;
    else book.soldLots += fill.qtyLots;
    book.tradedNotionalPico += notional;
    return fee;
  }
}

/** Derived PnL of one book, all pico-quote. */
export interface BookPnl {
  readonly realisedPico: bigint;
  readonly unrealisedPico: bigint;
  readonly feesPico: bigint;
  readonly totalPico: bigint;
  /** Signed position value at mark. */
  readonly positionValuePico: bigint;
}

export function bookPnl(book: SymbolBook): BookPnl {
  const positionValuePico = BigInt(book.positionLots * book.markTicks) * book.instrument.atomPico;
  const realisedPico = book.cashPico + book.costBasisPico;
  const unrealisedPico = positionValuePico - book.costBasisPico;
  return {
    realisedPico,
    unrealisedPico,
    feesPico: book.feesPico,
    totalPico: realisedPico + unrealisedPico - book.feesPico,
    positionValuePico,
  };
}

/** Average entry price in pico-quote per lot-tick atom, as a fraction (cost / position); null when flat. */
export function averageEntry(book: SymbolBook): { costPico: bigint; lots: number } | null {
  if (book.positionLots === 0) return null;
  return { costPico: absBig(book.costBasisPico), lots: Math.abs(book.positionLots) };
}
