// Per-symbol price/quantity grids for the market-data parsers, compiled once from InstrumentSpecs, and the venue-symbol lookup over them.
import { ShadowExecError } from '../errors/shadow-exec-error.js';
import type { InstrumentSpec } from '../model/instrument.js';
import { compileUnitGrid, tryDecimalRangeToUnits, tryDecimalToUnits, tryDecimalToUnitsRounded, tryExactOffGrid, tryScaledToUnits, type ExactOffGrid, type UnitGrid } from '../money/fast-units.js';

/** Converts one symbol's venue decimal strings to integer units. Every method returns NaN on failure (see fast-units.ts). */
export interface SymbolGrid {
  /** The venue symbol ("NKNUSDT"), as in InstrumentSpec.symbol. */
  readonly symbol: string;
  /** Exact price in ticks; NaN when malformed, off the tick grid or too large. */
  priceUnits(text: unknown): number;
  /** Exact quantity in lots; NaN when malformed, off the lot grid or too large. */
  qtyUnits(text: unknown): number;
  /** priceUnits / qtyUnits of the characters [start, end) of `text`, read in place (the parsers' fast paths). */
  priceUnitsAt(text: string, start: number, end: number): number;
  qtyUnitsAt(text: string, start: number, end: number): number;
  /** priceUnits / qtyUnits of the value mantissa × 10^-fracDigits, read into numbers by a byte scanner (fast-units.ts tryScaledToUnits). */
  priceUnitsScaled(mantissa: number, fracDigits: number): number;
  qtyUnitsScaled(mantissa: number, fracDigits: number): number;
  /** A computed reference price (mark, index) in ticks, rounded half-even; NaN when malformed or too large. */
  refPriceUnits(text: unknown): number;
  /** A book level's price that priceUnits refused, when it is a valid price between two ticks: exact; null otherwise. */
  offGridPrice(text: unknown): ExactOffGrid | null;
  /**
   * Best bid/ask fields of top-of-book streams: the same results as priceUnits/qtyUnits, but each field
   * remembers its last text, and a string comparison is cheaper than re-reading the digits (consecutive
   * quotes of a symbol repeat their prices ~85% and sizes ~50% of the time in the Binance capture).
   */
  bidPriceUnits(text: unknown): number;
  askPriceUnits(text: unknown): number;
  bidQtyUnits(text: unknown): number;
  askQtyUnits(text: unknown): number;
}

/** Finds the grid of a venue symbol (exact, case-sensitive: venues send upper case); undefined when unknown. */
export type SymbolGridLookup = (venueSymbol: string) => SymbolGrid | undefined;

/** One remembered conversion: the last text seen in one quote field and its units. */
class FieldMemo {
  /** Starts as "0" → 0, a true conversion on every grid. */
  private text = '0';
  private units = 0;

  constructor(private readonly grid: UnitGrid) {}

  convert(text: unknown): number {
    if (text === this.text) return this.units;
    const units = tryDecimalToUnits(text, this.grid);
    if (units === units) {
      this.text = text as string;
      this.units = units;
    }
    return units;
  }
}

class CompiledSymbolGrid implements SymbolGrid {
  private readonly tick: UnitGrid;
  private readonly lot: UnitGrid;
  private readonly bidPrice: FieldMemo;
  private readonly askPrice: FieldMemo;
  private readonly bidQty: FieldMemo;
  private readonly askQty: FieldMemo;

  constructor(readonly symbol: string, tickSize: string, lotSize: string) {
    this.tick = compileUnitGrid(tickSize, `${symbol} tickSize`);
    this.lot = compileUnitGrid(lotSize, `${symbol} lotSize`);
    this.bidPrice = new FieldMemo(this.tick);
    this.askPrice = new FieldMemo(this.tick);
    this.bidQty = new FieldMemo(this.lot);
    this.askQty = new FieldMemo(this.lot);
  }

  priceUnits(text: unknown): number {
    return tryDecimalToUnits(text, this.tick);
  }

  qtyUnits(text: unknown): number {
    return tryDecimalToUnits(text, this.lot);
  }

  priceUnitsAt(text: string, start: number, end: number): number {
    return tryDecimalRangeToUnits(text, start, end, this.tick);
  }

  qtyUnitsAt(text: string, start: number, end: number): number {
    return tryDecimalRangeToUnits(text, start, end, this.lot);
  }

  priceUnitsScaled(mantissa: number, fracDigits: number): number {
    return tryScaledToUnits(mantissa, fracDigits, this.tick);
  }

  qtyUnitsScaled(mantissa: number, fracDigits: number): number {
    return tryScaledToUnits(mantissa, fracDigits, this.lot);
  }

  refPriceUnits(text: unknown): number {
    return tryDecimalToUnitsRounded(text, this.tick);
  }

  offGridPrice(text: unknown): ExactOffGrid | null {
    return tryExactOffGrid(text, this.tick);
  }

  bidPriceUnits(text: unknown): number {
    return this.bidPrice.convert(text);
  }

  askPriceUnits(text: unknown): number {
    return this.askPrice.convert(text);
  }

  bidQtyUnits(text: unknown): number {
    return this.bidQty.convert(text);
  }

  askQtyUnits(text: unknown): number {
    return this.askQty.convert(text);
  }
}

/** Compiles the tick and lot grid of one instrument; throws E_CONFIG / E_INVALID_DECIMAL for a bad spec. */
export function buildSymbolGrid(spec: InstrumentSpec): SymbolGrid {
  return new CompiledSymbolGrid(spec.symbol, spec.tickSize, spec.lotSize);
}

/** A lookup over the given instruments, keyed by InstrumentSpec.symbol; throws E_CONFIG on a duplicate symbol. */
export function buildSymbolGridLookup(specs: readonly InstrumentSpec[]): SymbolGridLookup {
  const grids = new Map<string, SymbolGrid>();
  for (const spec of specs) {
    if (grids.has(spec.symbol)) throw new ShadowExecError('E_CONFIG', `duplicate instrument symbol '${spec.symbol}'`);
    grids.set(spec.symbol, buildSymbolGrid(spec));
  }
  return (venueSymbol) => grids.get(venueSymbol);
}

/** A lookup that remembers its last hit: consecutive frames of one symbol skip the map. */
export class CachedSymbolGrids {
  private lastSymbol: string | null = null;
  private lastGrid: SymbolGrid | undefined = undefined;

  constructor(private readonly lookup: SymbolGridLookup) {}

  get(venueSymbol: string): SymbolGrid | undefined {
    if (venueSymbol === this.lastSymbol) return this.lastGrid;
    const grid = this.lookup(venueSymbol);
    this.lastSymbol = venueSymbol;
    this.lastGrid = grid;
    return grid;
  }

  /** get() of the characters [start, end) of `text`; the last hit is matched in place, without a substring. */
  getAt(text: string, start: number, end: number): SymbolGrid | undefined {
    const last = this.lastSymbol;
    if (last !== null && end - start === last.length && text.startsWith(last, start)) return this.lastGrid;
    return this.get(text.slice(start, end));
  }
}
