// ccxt's numbers made exact: a float becomes the decimal of its shortest round-trip text (String(x), what ccxt itself parsed from the venue's string), and a value is put on a grid only when it lies on it.
import { Decimal } from '../../core/money/decimal.js';

/**
 * The exact decimal a ccxt number stands for: String(x) is the shortest text that reads back as the same float, which
 * is the venue's own decimal whenever the venue sent at most 15-17 significant digits (ccxt parses venue strings with
 * parseFloat). Strings (ccxt keeps some as text) are read as they are. null for undefined/null; NaN, ±Infinity and
 * other types are null too (the caller says what was missing).
 */
export function ccxtDecimal(value: unknown): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(String(value)) : null;
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      const d = new Decimal(value.trim());
      return d.isFinite() ? d : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** `value` in whole `unit`s when it is an exact multiple, else null (off the grid: the caller counts it, never rounds it). */
export function exactUnits(value: Decimal, unit: Decimal): number | null {
  const units = value.div(unit);
  if (!units.isInteger() || units.abs().gt(Number.MAX_SAFE_INTEGER)) return null;
  return units.toNumber();
}
