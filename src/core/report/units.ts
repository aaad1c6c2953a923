// Formatting of the loop's integer units as report decimal strings.
import { Decimal, formatDecimal, formatUnits } from '../money/decimal.js';
import { formatScaled } from '../money/format-scaled.js';
import { PICO } from '../model/instrument.js';

export function pico(value: bigint): string {
  return formatUnits(value, PICO);
}

/** bps × 10⁴ → "12.3456" bps. */
export function bpsE4(value: number): string {
  return formatScaled(value, 4) ?? formatDecimal(new Decimal(value).div(10_000));
}

/** Virtual ms → ISO-8601 UTC ("2025-01-01T00:00:00.000Z"). Pure: formats a given instant. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
