// Decimal text of CSV sources → the replay format's plain decimal strings (no sign unless allowed, no exponent, no leading zeros), exactly, without floats or Decimal objects: hand-written scanners over text and over bytes.
import { MAX_DECIMAL_CHARS } from '../../core/money/fast-units.js';

const D0 = 0x30;
const D9 = 0x39;
const DOT = 0x2e;

/**
 * Whether bytes buf[start, end) are already a plain decimal of the replay form — (0|[1-9][0-9]*)(\.[0-9]+)? and at
 * most MAX_DECIMAL_CHARS long — so an import can copy them as they are (the common case: venues write them so).
 */
export function isPlainDecimalBytes(buf: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0 || length > MAX_DECIMAL_CHARS) return false;
  let i = start;
  let c = buf[i]!;
  if (c === D0) {
    i++;
  } else {
    if (c < D0 || c > D9) return false;
    for (i++; i < end; i++) {
      c = buf[i]!;
      if (c < D0 || c > D9) break;
    }
  }
  if (i === end) return true;
  if (buf[i] !== DOT || i + 1 === end) return false;
  for (i++; i < end; i++) {
    c = buf[i]!;
    if (c < D0 || c > D9) return false;
  }
  return true;
}

/**
 * Where the plain decimal starting at buf[start] ends (the index of the first byte after it, at most `end`), or -1
 * when no plain decimal starts there or it is longer than MAX_DECIMAL_CHARS: a scanner for one field of a row.
 */
export function plainDecimalEnd(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let c = buf[i];
  if (i >= end || c === undefined) return -1;
  if (c === D0) i++;
  else {
    if (c < D0 || c > D9) return -1;
    for (i++; i < end; i++) {
      c = buf[i]!;
      if (c < D0 || c > D9) break;
    }
  }
  if (i < end && buf[i] === DOT) {
    const fraction = ++i;
    for (; i < end; i++) {
      c = buf[i]!;
      if (c < D0 || c > D9) break;
    }
    if (i === fraction) return -1;
  }
  return i - start > MAX_DECIMAL_CHARS ? -1 : i;
}

/** Same check as isPlainDecimalBytes, over text. */
function isPlainDecimalText(text: string): boolean {
  const end = text.length;
  if (end === 0 || end > MAX_DECIMAL_CHARS) return false;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === D0) i = 1;
  else {
    if (c < D0 || c > D9) return false;
    for (i = 1; i < end; i++) {
      c = text.charCodeAt(i);
      if (c < D0 || c > D9) break;
    }
  }
  if (i === end) return true;
  if (text.charCodeAt(i) !== DOT || i + 1 === end) return false;
  for (i++; i < end; i++) {
    c = text.charCodeAt(i);
    if (c < D0 || c > D9) return false;
  }
  return true;
}

/** Index after the run of digits of `text` from `i`. */
function digitsEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < D0 || c > D9) break;
    i++;
  }
  return i;
}

/**
 * `text` as a plain decimal ("1e-8" → "0.00000001", "+.5" → "0.5", "007" → "7"); null when it is not a number
 * ([+-]?digits[.digits][e[+-]1-3 digits], at least one digit), is negative while `signed` is false, or would be
 * longer than MAX_DECIMAL_CHARS. Digits are kept as written (trailing fraction zeros stay: "0.10" is the venue's text).
 */
export function plainDecimal(text: string, signed = false): string | null {
  if (isPlainDecimalText(text)) return text;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 0x2b /* + */ || first === 0x2d /* - */) {
    negative = first === 0x2d;
    i = 1;
  }
  const wholeEnd = digitsEnd(text, i);
  const whole = text.slice(i, wholeEnd);
  i = wholeEnd;
  let fraction = '';
  if (text.charCodeAt(i) === DOT) {
    const fractionEnd = digitsEnd(text, i + 1);
    fraction = text.slice(i + 1, fractionEnd);
    i = fractionEnd;
  }
  if (whole === '' && fraction === '') return null;
  let exponent = 0;
  if (i < text.length) {
    const e = text.charCodeAt(i);
    if (e !== 0x65 && e !== 0x45) return null;
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 0x2b || sign === 0x2d) j++;
    const expEnd = digitsEnd(text, j);
    if (expEnd !== text.length || expEnd === j || expEnd - j > 3) return null;
    exponent = Number(text.slice(j, expEnd)) * (sign === 0x2d ? -1 : 1);
  }
  let digits = whole + fraction;
  let point = whole.length + exponent;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  let intStart = 0;
  while (intStart < point && digits.charCodeAt(intStart) === D0) intStart++;
  const intPart = intStart === point ? '0' : digits.slice(intStart, point);
  const fracPart = digits.slice(point);
  const body = fracPart === '' ? intPart : `${intPart}.${fracPart}`;
  let zero = true;
  for (let k = 0; k < digits.length; k++) {
    if (digits.charCodeAt(k) !== D0) {
      zero = false;
      break;
    }
  }
  if (negative && !zero && !signed) return null;
  const out = negative && !zero ? `-${body}` : body;
  return out.length <= MAX_DECIMAL_CHARS ? out : null;
}
