// Decimal text of CSV sources → the replay format's plain decimal strings (no sign unless allowed, no exponent, no leading zeros), exactly, without floats.
import { MAX_DECIMAL_CHARS } from '../../core/money/fast-units.js';

const NUMBER = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,3}))?$/;
/** Plain decimals already in the replay form pass through this check without rebuilding. */
const CANONICAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * `text` as a plain decimal ("1e-8" → "0.00000001", "+.5" → "0.5", "007" → "7"); null when it is not a number,
 * is negative while `signed` is false, or would be longer than MAX_DECIMAL_CHARS. Digits are kept as written
 * (trailing fraction zeros stay: "0.10" is the venue's text).
 */
export function plainDecimal(text: string, signed = false): string | null {
  if (CANONICAL.test(text)) return text.length <= MAX_DECIMAL_CHARS ? text : null;
  const m = NUMBER.exec(text);
  if (m === null) return null;
  const [, sign, whole = '', fraction = '', exponent] = m;
  if (whole === '' && fraction === '') return null;
  let digits = whole + fraction;
  let point = whole.length + (exponent === undefined ? 0 : Number(exponent));
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  const intPart = digits.slice(0, point).replace(/^0+/, '') || '0';
  const fracPart = digits.slice(point);
  const body = fracPart === '' ? intPart : `${intPart}.${fracPart}`;
  const zero = /^[0.]*$/.test(body);
  if (sign === '-' && !zero && !signed) return null;
  const out = sign === '-' && !zero ? `-${body}` : body;
  return out.length <= MAX_DECIMAL_CHARS ? out : null;
}
