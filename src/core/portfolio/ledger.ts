// Ledger: positions, cash, fees and PnL per symbol, exact (lots as integers, money as bigint pico-quote).
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { Fill } from '../model/fill.js';
import type { Instrument } from '../model/instrument.js';
import { sideSign } from '../model/order.js';
import type { FeeSchedule } from '../sim/fee-schedule.js';
import { divRoundHalfEven, absBig } from '../money/bigint-math.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import type { ChangedSymbols } from '../risk/changed-symbols.js';
import { PendingPico } from './pending-pico.js';

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
  readonly costBasisPico: bigint;
  readonly cashPico: bigint;
  readonly feesPico: bigint;
  markTicks: number;
  fills: number;
  makerFills: number;
  takerFills: number;
  boughtLots: number;
  soldLots: number;
  readonly tradedNotionalPico: bigint;
}

/**
 * The ledger's book: the money fields are PendingPico sums (a fill adds Numbers of atoms; the BigInt products are made
 * when a field is read), the rest plain counters. Each getter answers exactly what the all-bigint book held.
 */
class LedgerBook implements SymbolBook {
  positionLots = 0;
  markTicks = 0;
  fills = 0;
  makerFills = 0;
  takerFills = 0;
  boughtLots = 0;
  soldLots = 0;
  /** Signed cost basis, cash and traded notional, in units of the instrument's atom (tick × lot). */
  readonly cost: PendingPico;
  readonly cash: PendingPico;
  readonly traded: PendingPico;
  /** Fees: maker and taker in units of their exact fee per atom (ledger.ts BookEntry); a rounded fee goes to `makerFees` as pico. */
  readonly makerFees: PendingPico;
  readonly takerFees: PendingPico;

  constructor(
    readonly instrument: Instrument,
    makerFeePerAtomPico: bigint | null,
    takerFeePerAtomPico: bigint | null,
  ) {
    this.cost = new PendingPico(instrument.atomPico);
    this.cash = new PendingPico(instrument.atomPico);
    this.traded = new PendingPico(instrument.atomPico);
    this.makerFees = new PendingPico(makerFeePerAtomPico ?? 0n);
    this.takerFees = new PendingPico(takerFeePerAtomPico ?? 0n);
  }

  get costBasisPico(): bigint {
    return this.cost.value;
  }

  get cashPico(): bigint {
    return this.cash.value;
  }

  get feesPico(): bigint {
    return this.makerFees.value + this.takerFees.value;
  }

  get tradedNotionalPico(): bigint {
    return this.traded.value;
  }
}

/**
 * A book and its fee per (tick × lot) of notional for each liquidity, pico-quote, when that is a whole number: then a
 * fill's fee is exactly ticks × lots × that, so the half-even division (which would find no remainder) is skipped.
 * null when atom × ppm is not a multiple of 10⁶ (the fee needs the rounded division).
 */
interface BookEntry {
  readonly book: LedgerBook;
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
  private readonly bookList: LedgerBook[] = [];
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
      const makerFeePerAtomPico = exactFeePerAtom(instrument.atomPico, fees.makerPpm);
      const takerFeePerAtomPico = exactFeePerAtom(instrument.atomPico, fees.takerPpm);
      const book = new LedgerBook(instrument, makerFeePerAtomPico, takerFeePerAtomPico);
      this.entries.push({ book, makerFeePerAtomPico, takerFeePerAtomPico });
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

  /**
   * Applies a fill; returns its fee in pico-quote. Cash, traded notional, exact fees and a cost basis that grows or is
   * closed whole are added as atoms (PendingPico); only a partial close divides the cost basis in bigint, as before.
   */
  applyFill(fill: Fill): bigint {
    const entry = this.entry(fill.symbolIndex);
    const book = entry.book;
    const sign = sideSign(fill.side);
    const maker = fill.liquidity === 'MAKER';
    const atoms = fill.priceTicks * fill.qtyLots;
    const feePerAtom = maker ? entry.makerFeePerAtomPico : entry.takerFeePerAtomPico;
    let fee: bigint;
    if (feePerAtom !== null) {
      fee = BigInt(atoms) * feePerAtom;
      (maker ? book.makerFees : book.takerFees).addUnits(atoms);
    } else {
      fee = divRoundHalfEven(BigInt(atoms) * book.instrument.atomPico * BigInt(maker ? this.fees.makerPpm : this.fees.takerPpm), PPM);
      book.makerFees.addPico(fee);
    }

    const pos = book.positionLots;
    if (pos === 0 || Math.sign(pos) === sign) {
      book.cost.addUnits(sign > 0 ? atoms : -atoms);
      book.positionLots = pos + sign * fill.qtyLots;
    } else {
      const absPos = Math.abs(pos);
      const closing = Math.min(fill.qtyLots, absPos);
      // Closing the whole position removes the whole cost basis (the division would be exact).
      if (closing === absPos) book.cost.setPico(0n);
      else {
        const cost = book.cost.value;
        book.cost.setPico(cost - divRoundHalfEven(cost * BigInt(closing), BigInt(absPos)));
      }
      const opening = fill.qtyLots - closing;
      book.positionLots = pos + sign * fill.qtyLots;
      if (opening > 0) book.cost.setUnits(sign * fill.priceTicks * opening);
    }
    book.cash.addUnits(sign > 0 ? -atoms : atoms);
    book.fills++;
    if (maker) book.makerFills++;
    else book.takerFills++;
    if (sign > 0) book.boughtLots += fill.qtyLots;
    else book.soldLots += fill.qtyLots;
    book.traded.addUnits(atoms);
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
