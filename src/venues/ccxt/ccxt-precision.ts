// ccxt's `precision` numbers turned into a tick or lot size by the exchange's precisionMode: TICK_SIZE as is, DECIMAL_PLACES n as exactly 10^-n; SIGNIFICANT_DIGITS has no fixed grid and is refused.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { Decimal } from '../../core/money/decimal.js';
import { ccxtDecimal } from './ccxt-number.js';

/** ccxt's precision modes (ccxt/js/src/base/functions/number.js). */
export const PRECISION_MODES: Readonly<Record<number, string>> = { 2: 'DECIMAL_PLACES', 3: 'SIGNIFICANT_DIGITS', 4: 'TICK_SIZE' };

/** Why `mode` cannot be mapped to a fixed grid, or null when it can. */
export function precisionModeRefusal(mode: number, exchange: string): string | null {
  if (mode === 4 || mode === 2) return null;
  const name = PRECISION_MODES[mode] ?? `precisionMode ${mode}`;
  return `ccxt:${exchange} gives its precision as ${name}${mode === 3 ? ' (a count of significant digits: the step changes with the price, so there is no fixed tick or lot grid to simulate on)' : ''}; shadow-exec maps TICK_SIZE and DECIMAL_PLACES only`;
}

/**
 * The step `precision.<what>` gives: TICK_SIZE: the number itself (a positive decimal); DECIMAL_PLACES: a non-negative
 * integer n, the step 10^-n (exact: a decimal of n places is a multiple of 10^-n and the finest such multiple).
 * UsageError naming the market when the value is missing or does not fit the mode.
 */
export function precisionStep(value: unknown, mode: number, exchange: string, symbol: string, what: 'price' | 'amount'): Decimal {
  const refusal = precisionModeRefusal(mode, exchange);
  if (refusal !== null) throw new UsageError(`--exchange ccxt:${exchange}: ${refusal}`);
  const d = ccxtDecimal(value);
  const where = `ccxt:${exchange} market ${symbol}: precision.${what}`;
  if (d === null) throw new UsageError(`${where} is missing: the market cannot be simulated without its ${what === 'price' ? 'tick' : 'lot'} size`);
  if (mode === 4) {
    if (d.lte(0)) throw new UsageError(`${where} ${d.toFixed()} is not a positive step (TICK_SIZE mode)`);
    return d;
  }
  if (!d.isInteger() || d.lt(0) || d.gt(30)) throw new UsageError(`${where} ${d.toFixed()} is not a count of decimal places from 0 to 30 (DECIMAL_PLACES mode)`);
  return new Decimal(10).pow(d.neg());
}
