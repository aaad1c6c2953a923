// Per-symbol price/quantity grids for the market-data parsers, compiled once from InstrumentSpecs, and the venue-symbol lookup over them.
import { ShadowExecError } from '../errors/shadow-exec-error.js';
import type { InstrumentSpec } from '../model/instrument.js';
import { compileUnitGrid, tryDecimalToUnits, tryDecimalToUnitsRounded, type UnitGrid } from '../money/fast-units.js';

/** Converts one symbol's venue decimal strings to integer units. Every method returns NaN on failure (see fast-units.ts). */
export interface SymbolGrid {
  /** The venue symbol ("NKNUSDT"), as in InstrumentSpec.symbol. */
  readonly symbol: string;
  /** Exact price in ticks; NaN when malformed, off the tick grid or too large. */
  priceUnits(text: unknown): number;
  /** Exact quantity in lots; NaN when malformed, off the lot grid or too large. */
  qtyUnits(text: unknown): number;
  /** A computed reference price (mark, index) in ticks, rounded half-even; NaN when malformed or too large. */
  refPriceUnits(text: unknown): number;
}

/** Finds the grid of a venue symbol (exact, case-sensitive: venues send upper case); undefined when unknown. */
export type SymbolGridLookup = (venueSymbol: string) => SymbolGrid | undefined;

class CompiledSymbolGrid implements SymbolGrid {
  private readonly tick: UnitGrid;
  private readonly lot: UnitGrid;

  constructor(readonly symbol: string, tickSize: string, lotSize: string) {
    this.tick = compileUnitGrid(tickSize, `${symbol} tickSize`);
    this.lot = compileUnitGrid(lotSize, `${symbol} lotSize`);
  }

  priceUnits(text: unknown): number {
    return tryDecimalToUnits(text, this.tick);
  }

  qtyUnits(text: unknown): number {
    return tryDecimalToUnits(text, this.lot);
  }

  refPriceUnits(text: unknown): number {
    return tryDecimalToUnitsRounded(text, this.tick);
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
}
