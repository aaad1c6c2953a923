// The exact text of each price and size ccxt hands out, with a count of the values that are not on the market's tick or lot grid (never rounded: written as they are, counted here).
import { Decimal } from '../../core/money/decimal.js';
import { formatDecimal } from '../../core/money/decimal.js';
import { ccxtDecimal } from './ccxt-number.js';

export interface GridCounts {
  /** Prices that are not a multiple of the tick. */
  offTickPrices: number;
  /** Sizes (in base units) that are not a multiple of the lot. */
  offLotSizes: number;
  /** Values that are not finite positive numbers (dropped). */
  invalid: number;
}

/** One symbol's grid: tick and lot (base units), and ccxt's contract size (amounts are contracts on contract markets). */
export class GridCheck {
  readonly counts: GridCounts = { offTickPrices: 0, offLotSizes: 0, invalid: 0 };

  constructor(
    private readonly tick: Decimal,
    private readonly lot: Decimal,
    private readonly contractSize: Decimal,
  ) {}

  /** The price's exact decimal text; null (counted invalid) when it is not a positive finite number. */
  price(value: unknown): string | null {
    const d = ccxtDecimal(value);
    if (d === null || d.lte(0)) {
      this.counts.invalid++;
      return null;
    }
    if (!d.div(this.tick).isInteger()) this.counts.offTickPrices++;
    return formatDecimal(d);
  }

  /** The size in base units (amount × contract size) as exact text; "0" for zero; null (counted) when invalid. */
  size(value: unknown): string | null {
    const d = ccxtDecimal(value);
    if (d === null || d.lt(0)) {
      this.counts.invalid++;
      return null;
    }
    const base = d.times(this.contractSize);
    if (!base.div(this.lot).isInteger()) this.counts.offLotSizes++;
    return formatDecimal(base);
  }
}
