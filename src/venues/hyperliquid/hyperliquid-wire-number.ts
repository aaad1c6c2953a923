// Prices and sizes as Hyperliquid hashes them: decimal strings of at most 8 decimals, trailing zeros stripped, "-0" as "0".
//
// The signature covers the msgpack of the strings exactly as sent, so "2000.0" and "2000" hash differently; the SDKs
// normalise: python `float_to_wire` (f"{x:.8f}", refuses a value that rounding would change by ≥ 1e-12, then
// Decimal.normalize) and rust `float_to_string_for_hashing` (format {:.8}, strip trailing '0' and '.', "-0" → "0").
// The docs: "if implementing signing, trailing zeroes should be removed" (hyperliquid.gitbook.io/hyperliquid-docs/
// for-developers/api/tick-and-lot-size, "Signing").
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { untrustedText } from '../../core/text/untrusted-text.js';

/** Most decimals a wire number carries (python `f"{x:.8f}"`, rust `WIRE_DECIMALS = 8`). */
export const WIRE_DECIMALS = 8;

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Strips trailing zeros (and a bare '.') from a plain decimal; "-0" becomes "0". */
function normalise(sign: string, int: string, frac: string): string {
  const intPart = int.replace(/^0+(?=\d)/, '');
  const fracPart = frac.replace(/0+$/, '');
  const body = fracPart === '' ? intPart : `${intPart}.${fracPart}`;
  return sign === '-' && body !== '0' ? `-${body}` : body;
}

/**
 * The wire text of an exact decimal string ("2000.0" → "2000", "0.00076000" → "0.00076", "-0" → "0"). Throws
 * ShadowExecError E_USAGE when it is not a plain decimal or has more than 8 decimals that are not zeros.
 */
export function decimalToWire(text: string): string {
  const m = typeof text === 'string' ? PLAIN.exec(text) : null;
  if (m === null) throw new ShadowExecError('E_USAGE', `'${untrustedText(text)}' is not a plain decimal number`);
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > WIRE_DECIMALS) throw new ShadowExecError('E_USAGE', `'${untrustedText(text)}' has more than ${WIRE_DECIMALS} decimals`);
  return normalise(m[1] ?? '', m[2] ?? '0', frac);
}

/**
 * python `float_to_wire(x)` for a binary float, as the SDK vectors were made: x to 8 decimals, refused when that moves
 * it by 1e-12 or more, then normalised. (The simulator itself never goes through floats: it renders exact decimals.)
 */
export function floatToWire(x: number): string {
  if (!Number.isFinite(x)) throw new ShadowExecError('E_USAGE', `float_to_wire: ${String(x)} is not finite`);
  const rounded = x.toFixed(WIRE_DECIMALS);
  if (Math.abs(Number(rounded) - x) >= 1e-12) throw new ShadowExecError('E_USAGE', `float_to_wire causes rounding: ${String(x)}`);
  return decimalToWire(rounded);
}

/**
 * python `float_to_int_for_hashing(x)` = `float_to_int(x, 8)`: round(x × 10⁸) (exact for an integer x), refused when that is 1e-3 or more from an
 * integer. Returned as a bigint: the results exceed 2⁵³ for ordinary amounts (1000 → 10¹¹ already needs uint 64).
 */
export function floatToIntForHashing(x: number): bigint {
  // An int argument (as the SDK's own tests pass) multiplies exactly in python: int × int, no float in between.
  if (Number.isSafeInteger(x)) return BigInt(x) * 10n ** BigInt(WIRE_DECIMALS);
  const withDecimals = x * 10 ** WIRE_DECIMALS;
  const nearest = Math.round(withDecimals);
  if (!Number.isFinite(withDecimals) || Math.abs(nearest - withDecimals) >= 1e-3) {
    throw new ShadowExecError('E_USAGE', `float_to_int causes rounding: ${String(x)}`);
  }
  return BigInt(nearest);
}
