// InstrumentGrid: the Strategy port's grid helpers — decimal prices and sizes to ticks and lots and back, with a rounding mode.
import { ShadowExecError } from '../errors/shadow-exec-error.js';
import { Decimal, formatUnits, parseDecimal } from '../money/decimal.js';
import type { GridRounding, StrategyGrid } from '../../ports/strategy.js';
import type { Instrument } from './instrument.js';
import type { SymbolIndex } from './symbol-table.js';

const ROUNDING = {
  down: Decimal.ROUND_FLOOR,
  up: Decimal.ROUND_CEIL,
  'half-even': Decimal.ROUND_HALF_EVEN,
} as const;

export class InstrumentGrid implements StrategyGrid {
  /** @param instruments index i = symbol index i */
  constructor(private readonly instruments: readonly Instrument[]) {}

  priceToTicks(symbol: SymbolIndex, price: string, rounding: GridRounding = 'exact'): number {
    const instrument = this.instrument(symbol);
    return units(parseDecimal(price, `${instrument.symbol} price`), instrument.tickSize, rounding, `${instrument.symbol} price`);
  }

  ticksToPrice(symbol: SymbolIndex, ticks: number): string {
    return formatUnits(ticks, this.instrument(symbol).tickSize);
  }

  qtyToLots(symbol: SymbolIndex, qty: string, rounding: GridRounding = 'exact'): number {
    const instrument = this.instrument(symbol);
    return units(parseDecimal(qty, `${instrument.symbol} qty`), instrument.lotSize, rounding, `${instrument.symbol} qty`);
  }

  lotsToQty(symbol: SymbolIndex, lots: number): string {
    return formatUnits(lots, this.instrument(symbol).lotSize);
  }

  lotsForNotional(symbol: SymbolIndex, priceTicks: number, notionalE8: number): number {
    if (priceTicks <= 0) return 0;
    return Math.floor(notionalE8 / (priceTicks * this.instrument(symbol).atomE8));
  }

  private instrument(symbol: SymbolIndex): Instrument {
    const instrument = this.instruments[symbol];
    if (instrument === undefined) throw new ShadowExecError('E_CONFIG', `symbol index ${symbol} is not one of the run's ${this.instruments.length} symbols`);
    return instrument;
  }
}

/** value / unit as a safe integer, rounded as asked; 'exact' refuses a value off the grid (E_OFF_GRID). */
function units(value: Decimal, unit: Decimal, rounding: GridRounding, what: string): number {
  const ratio = value.div(unit);
  if (rounding === 'exact' && !ratio.isInteger()) throw new ShadowExecError('E_OFF_GRID', `${what}: ${value.toString()} is not a multiple of ${unit.toString()}`);
  const whole = rounding === 'exact' ? ratio : ratio.toDecimalPlaces(0, ROUNDING[rounding]);
  if (whole.abs().gt(Number.MAX_SAFE_INTEGER)) throw new ShadowExecError('E_OFF_GRID', `${what}: ${value.toString()} is too large`);
  return whole.toNumber();
}
