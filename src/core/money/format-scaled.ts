// formatScaled: integer units of a power-of-ten unit (10⁻ᵏ) as the canonical decimal string, by digit shifting instead of decimal.js arithmetic.

/**
 * The digits of `units` shifted `decimals` places left, in formatDecimal's canonical form: no exponent, no trailing
 * fractional zeros, "0" for zero (never "-0"). Exact: the digits are the integer's own. Returns null (the caller then
 * uses decimal.js) where the two could differ or the input is not an integer: more than 40 significant digits (decimal.js
 * rounds products to its 40-digit precision), a non-integer or unsafe number, or a negative `decimals`.
 *
 * Why: a report formats a dozen amounts per symbol (pico-quote, bps × 10⁴, ticks, lots); through decimal.js that was
 * ~9 % of a 1000-symbol synthetic run's CPU. test/core/money/format-scaled.test.ts checks it against decimal.js.
 */
export function formatScaled(units: bigint | number, decimals: number): string | null {
  if (typeof units === 'number' && !Number.isSafeInteger(units)) return null;
  if (!Number.isInteger(decimals) || decimals < 0) return null;
  const text = units.toString();
  const negative = text.charCodeAt(0) === 45; // '-'
  let digits = negative ? text.slice(1) : text;
  if (digits === '0') return '0';
  if (digits.length > 40) return null;
  if (decimals === 0) return text;
  if (digits.length <= decimals) digits = '0'.repeat(decimals - digits.length + 1) + digits;
  const cut = digits.length - decimals;
  let end = digits.length;
  while (end > cut && digits.charCodeAt(end - 1) === 48) end--; // trailing '0's of the fraction
  const whole = digits.slice(0, cut);
  const sign = negative ? '-' : '';
  return end === cut ? sign + whole : `${sign}${whole}.${digits.slice(cut, end)}`;
}
