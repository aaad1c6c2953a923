// BinaryFieldReader: the primitive fields of a binary replay record body (binary-replay-format.ts) — bytes, varints, decimals packed or as text, trade ids — read with bounds and canonical-form checks; BinaryRecordDecoder builds records from them.
//
// Every read stays inside the body [p, end): a field running past it, a number past 2^53 − 1 or in an overlong form, a
// decimal in a form it does not need (text for a short one) throws BinaryRecordProblem with the message.
import { MAX_DECIMAL_CHARS } from '../../core/money/fast-units.js';
import { packedDecimalText } from './scanned-book-record.js';
import { NULL_PACKED } from './packed-trade-quote-record.js';
import {
  DECIMAL_NULL, DECIMAL_TEXT, hasLoneSurrogate, MAX_PACKED_DECIMAL_DIGITS, MAX_PACKED_FRACTION, MAX_TRADE_ID_BYTES, MAX_TRADE_ID_CHARS, MAX_VARINT_BYTES,
  NEGATIVE_DECIMAL, PACKED_MANTISSA_LIMIT,
} from './binary-replay-format.js';

/** A record body the format does not allow: the message, for the reader to wrap naming the record. */
export class BinaryRecordProblem extends Error {}

const UNSIGNED_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const SIGNED_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const CANONICAL_ID = /^(0|[1-9][0-9]*)$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class BinaryFieldReader {
  /** The body being read is b[p, end). */
  protected b: Buffer = Buffer.alloc(0);
  protected p = 0;
  protected end = 0;
  /** The decimal packed() last read. */
  protected m = 0;
  protected f = 0;

  /** `build` false (a validating scan): fields are checked, their strings not made ('' instead). */
  constructor(protected readonly build: boolean) {}

  /**
   * An unsigned decimal field read packed into (this.m, this.f) — null (when `nullable`) as f NULL_PACKED — and true;
   * false for any other code (text, or an error decimal() reports when the field is read again).
   */
  protected packed(nullable: boolean): boolean {
    const code = this.p < this.end ? this.b[this.p++]! : this.cut();
    if (code <= MAX_PACKED_FRACTION) {
      this.m = this.mantissa();
      this.f = code;
      return true;
    }
    if (code !== DECIMAL_NULL || !nullable) return false;
    this.m = 0;
    this.f = NULL_PACKED;
    return true;
  }

  protected mantissa(): number {
    const m = this.uint();
    if (m >= PACKED_MANTISSA_LIMIT) throw new BinaryRecordProblem(`a packed decimal of ${String(m).length} digits: more than ${MAX_PACKED_DECIMAL_DIGITS} are stored as text`);
    return m;
  }

  /** A decimal field's text (or null); '' in a validating scan. */
  protected decimal(key: string, nullable: boolean, signed: boolean): string | null {
    const code = this.byte();
    if (code <= MAX_PACKED_FRACTION || (signed && code >= NEGATIVE_DECIMAL && code <= NEGATIVE_DECIMAL + MAX_PACKED_FRACTION)) {
      const m = this.mantissa();
      if (!this.build) return '';
      const text = packedDecimalText(m, code % NEGATIVE_DECIMAL);
      return code >= NEGATIVE_DECIMAL ? `-${text}` : text;
    }
    if (code === DECIMAL_NULL && nullable) return null;
    const wanted = `"${key}" must be ${nullable ? 'null or ' : ''}a plain ${signed ? '' : 'unsigned '}decimal string of at most ${MAX_DECIMAL_CHARS} characters`;
    if (code !== DECIMAL_TEXT) throw new BinaryRecordProblem(`${wanted}: decimal code 0x${code.toString(16)}`);
    const n = this.uint();
    if (n > MAX_DECIMAL_CHARS) throw new BinaryRecordProblem(wanted);
    const text = this.b.toString('latin1', this.p, this.take(n));
    if (!(signed ? SIGNED_DECIMAL : UNSIGNED_DECIMAL).test(text)) throw new BinaryRecordProblem(wanted);
    const digits = text.length - (text.startsWith('-') ? 1 : 0) - (text.includes('.') ? 1 : 0);
    if (digits <= MAX_PACKED_DECIMAL_DIGITS) throw new BinaryRecordProblem(`"${key}" ${text} stored as text: a decimal of at most ${MAX_PACKED_DECIMAL_DIGITS} digits is packed`);
    return text;
  }

  protected numericId(): string {
    const n = this.uint();
    return this.build ? String(n) : '';
  }

  protected textId(utf16: boolean): string {
    const n = this.uint();
    if (n > MAX_TRADE_ID_BYTES) throw new BinaryRecordProblem(`"id" must be a string of at most ${MAX_TRADE_ID_CHARS} characters`);
    const from = this.p;
    const to = this.take(n);
    let id: string;
    if (utf16) {
      if (n % 2 !== 0) throw new BinaryRecordProblem('"id" in UTF-16 has an odd number of bytes');
      id = '';
      for (let i = from; i < to; i += 2) id += String.fromCharCode(this.b[i]! | (this.b[i + 1]! << 8));
      if (!hasLoneSurrogate(id)) throw new BinaryRecordProblem('"id" stored as UTF-16: a well-formed id is stored as UTF-8');
    } else {
      try {
        id = UTF8.decode(this.b.subarray(from, to));
      } catch {
        throw new BinaryRecordProblem('"id" is not valid UTF-8');
      }
    }
    if (id.length > MAX_TRADE_ID_CHARS) throw new BinaryRecordProblem(`"id" must be a string of at most ${MAX_TRADE_ID_CHARS} characters`);
    if (CANONICAL_ID.test(id) && Number.isSafeInteger(Number(id))) throw new BinaryRecordProblem(`"id" ${id} stored as text: a canonical integer id is stored as a number`);
    return id;
  }


  /** Steps over n bytes of the body; the end of them. */
  protected take(n: number): number {
    if (n > this.end - this.p) this.cut();
    this.p += n;
    return this.p;
  }

  protected byte(): number {
    if (this.p >= this.end) this.cut();
    return this.b[this.p++]!;
  }

  /** A varint: ≤ MAX_VARINT_BYTES bytes, ≤ 2^53 − 1, not overlong (by multiplication: no 32-bit operator). */
  protected uint(): number {
    const b = this.b;
    let p = this.p;
    if (p >= this.end) this.cut();
    let byte = b[p++]!;
    if (byte < 0x80) {
      this.p = p;
      return byte;
    }
    let value = byte & 0x7f;
    let scale = 128;
    for (let n = 1; ; n++) {
      if (n === MAX_VARINT_BYTES) throw new BinaryRecordProblem(`a number longer than ${MAX_VARINT_BYTES} bytes`);
      if (p >= this.end) this.cut();
      byte = b[p++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    if (byte === 0) throw new BinaryRecordProblem('a number in an overlong form (a last byte of 0)');
    if (value > Number.MAX_SAFE_INTEGER) throw new BinaryRecordProblem('a number above 2^53 - 1');
    this.p = p;
    return value;
  }

  protected cut(): never {
    throw new BinaryRecordProblem(`a field runs past the record's end (its length says ${this.end - this.p} bytes are left)`);
  }
}
