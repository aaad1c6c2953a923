// Ledger: positions, cash, fees and PnL per symbol, exact (lots as integers, money as bigint pico-quote).
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { Fill } from '../model/fill.js';
import type { Instrument } from '../model/instrument.js';
import { sideSign } from '../model/order.js';
import type { FeeSchedule } from '../sim/fee-schedule.js';
import { divRoundHalfEven, absBig } from '../money/bigint-math.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import type { ChangedSymbols } from '../risk/changed-symbols.js';

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

/**
 * A book and its fee per (tick × lot) of notional for each liquidity, pico-quote, when that is a whole number: then a
 * fill's fee is exactly ticks × lots × that, so the half-even division (which would find no remainder) is skipped.
 * null when atom × ppm is not a multiple of 10⁶ (the fee needs the rounded division).
 */
interface BookEntry {
  readonly book: SymbolBook;
  readonly makerFeePerAtomPico: bigint | null;
  readonly takerFeePerAtomPico: bigint | null;
}

/** atom × ppm / 10⁶ when exact, else null (also for a non-integer ppm: the fill path then fails as it always did). */
function exactFeePerAtom(atomPico: bigint, ppm: number): bigint | null {
  if (!Number.isSafeInteger(ppm)) return null;
  const scaled = atomPico * BigInt(ppm);
  return scaled % PPM === 0n ? scaled / PPM : null;
}

export class Ledger {
  /** Per symbol index (the run's instrument order): its book and exact fee factors. */
  private readonly entries: BookEntry[] = [];
  /** The same books in instrument order (iterated on every risk check). */
  private readonly bookList: SymbolBook[] = [];
  /** Symbol names by index (the order the instruments were given). */
  readonly symbols: readonly string[];
  /** Told of every change of a position or mark: the loop's exposure, and the drawdown check's PnL total when that rule is on. */
  private changes: ChangedSymbols | null = null;
  private moreChanges: ChangedSymbols | null = null;

  constructor(
    instruments: readonly Instrument[],
    private readonly fees: FeeSchedule,
  ) {
    const names = new Set<string>();
    for (const instrument of instruments) {
      if (names.has(instrument.symbol)) throw invariantViolation(`ledger given symbol ${instrument.symbol} twice`);
      names.add(instrument.symbol);
      const book: SymbolBook = {
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
      };
      this.entries.push({
        book,
        makerFeePerAtomPico: exactFeePerAtom(instrument.atomPico, fees.makerPpm),
        takerFeePerAtomPico: exactFeePerAtom(instrument.atomPico, fees.takerPpm),
      });
      this.bookList.push(book);
    }
    this.symbols = instruments.map((i) => i.symbol);
  }

  private entry(symbol: SymbolIndex): BookEntry {
    const entry = this.entries[symbol];
    if (entry === undefined) throw invariantViolation(`ledger has no symbol index ${symbol}`);
    return entry;
  }

  /** The book of symbol index `symbol` (the position of its instrument in the list given). */
  book(symbol: SymbolIndex): SymbolBook {
    return this.entry(symbol).book;
  }

  /** Books in the order the instruments were given (the config's symbol order). */
  allBooks(): IterableIterator<SymbolBook> {
    return this.bookList.values();
  }

  mark(symbol: SymbolIndex, markTicks: number): void {
    // bookList, not entry(): one object fewer to load on every quote (a cache miss each when a run trades many symbols).
    const book = this.bookList[symbol];
    if (book === undefined) throw invariantViolation(`ledger has no symbol index ${symbol}`);
    book.markTicks = markTicks;
    this.touched(symbol);
  }

  /** Tells `changes` about every later change of a position, mark, cash or fees (at most two watchers: exposure and PnL total). */
  watchChanges(changes: ChangedSymbols): void {
    if (this.changes === null || this.changes === changes) this.changes = changes;
    else if (this.moreChanges === null || this.moreChanges === changes) this.moreChanges = changes;
    else throw invariantViolation('ledger changes are already watched');
  }

  private touched(symbol: SymbolIndex): void {
    this.changes?.touch(symbol);
    this.moreChanges?.touch(symbol);
  }

  /** Applies a fill; returns its fee in pico-quote. */
  applyFill(fill: Fill): bigint {
    const entry = this.entry(fill.symbolIndex);
    const book = entry.book;
    const atom = book.instrument.atomPico;
    const sign = sideSign(fill.side);
    const maker = fill.liquidity === 'MAKER';
    const atoms = BigInt(fill.priceTicks * fill.qtyLots);
    const notional = atoms * atom;
    const feePerAtom = maker ? entry.makerFeePerAtomPico : entry.takerFeePerAtomPico;
    const fee = feePerAtom !== null ? atoms * feePerAtom : divRoundHalfEven(notional * BigInt(maker ? this.fees.makerPpm : this.fees.takerPpm), PPM);
    const signedNotional = sign > 0 ? notional : -notional;

    const pos = book.positionLots;
    if (pos === 0 || Math.sign(pos) === sign) {
      book.costBasisPico += signedNotional;
      book.positionLots = pos + sign * fill.qtyLots;
    } else {
      const absPos = Math.abs(pos);
      const closing = Math.min(fill.qtyLots, absPos);
      // Closing the whole position removes the whole cost basis (the division would be exact).
      const removed = closing === absPos ? book.costBasisPico : divRoundHalfEven(book.costBasisPico * BigInt(closing), BigInt(absPos));
      book.costBasisPico -= removed;
      const opening = fill.qtyLots - closing;
      book.positionLots = pos + sign * fill.qtyLots;
      if (opening > 0) book.costBasisPico = BigInt(sign * fill.priceTicks * opening) * atom;
    }
    book.cashPico -= signedNotional;
    book.feesPico += fee;
    book.fills++;
    if (maker) book.makerFills++;
    else book.takerFills++;
    if (sign > 0) book.boughtLots += fill.qtyLots;
    else book.soldLots += fill.qtyLots;
    book.tradedNotionalPico += notional;
    this.touched(fill.symbolIndex);
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

/** The fields PnL is derived from (a SymbolBook, or a copy of them taken at a --series sample). */
export type PnlInputs = Pick<SymbolBook, 'instrument' | 'positionLots' | 'markTicks' | 'cashPico' | 'costBasisPico' | 'feesPico'>;

export function bookPnl(book: PnlInputs): BookPnl {
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
