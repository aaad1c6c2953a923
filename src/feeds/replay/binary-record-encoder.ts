// BinaryRecordEncoder: normalized records → the bytes of binary replay records (binary-replay-format.ts), in one streaming pass — symbols declared where first used, times as deltas, decimals packed.
//
// The record must be valid (encodeNormalizedRecord's check, which a decoder's record always passes): an invalid one
// is a TypeError, never bytes a reader would refuse. A book record the scanner read (ScannedBookRecord) is encoded
// from its packed numbers, whose packing rule (integer + fraction digits ≤ 15) is the binary one.
import { encodeNormalizedRecord, recordT, type NormalizedLevel, type NormalizedRecord } from './normalized-record.js';
import { encodeReplayHeader, isNormalizedReplay, type ReplayHeader } from './replay-format.js';
import { PACKED_LEVEL_STRIDE, ScannedBookRecord } from './scanned-book-record.js';
import {
  BINARY_MAGIC, BINARY_VERSION, hasLoneSurrogate, DECIMAL_NULL, DECIMAL_TEXT, FLAG_EXCHANGE_BEFORE, FLAG_IS_SNAPSHOT, FLAG_LOCAL_BACK, FLAG_NEW_SYMBOL,
  MAX_BINARY_HEADER_BYTES, MAX_BINARY_RECORD_BYTES, MAX_BINARY_SYMBOLS, MAX_PACKED_DECIMAL_DIGITS, NEGATIVE_DECIMAL, TRADE_NUMERIC_ID, TRADE_UTF16_ID, TYPE_CODE,
} from './binary-replay-format.js';

/** Room left before a body for its length varint. */
const LENGTH_ROOM = 8;
const CANONICAL_ID = /^(0|[1-9][0-9]*)$/;

/** The file's first bytes: magic, version, the header as its JSONL line (length-prefixed). Only a normalized header. */
export function encodeBinaryHeader(header: ReplayHeader): Buffer {
  if (!isNormalizedReplay(header)) throw new TypeError('a binary replay holds normalized records: its header needs "version":2,"data":"normalized"');
  const json = Buffer.from(encodeReplayHeader(header), 'utf8');
  if (json.length > MAX_BINARY_HEADER_BYTES) throw new TypeError(`the header is ${json.length} bytes, more than ${MAX_BINARY_HEADER_BYTES}`);
  const out = new BinaryBytes(json.length + 16);
  out.bytes(BINARY_MAGIC);
  out.byte(BINARY_VERSION);
  out.uint(json.length);
  out.bytes(json);
  return out.buf.subarray(0, out.length);
}

export class BinaryRecordEncoder {
  private readonly symbols = new Map<string, number>();
  private previousLocalUs = 0;
  private previousT = 0;
  private readonly out = new BinaryBytes(1 << 16);

  /** The record's bytes (length prefix included): a view valid until the next call. TypeError for an invalid record or one whose `t` goes back. */
  encode(record: NormalizedRecord): Buffer {
    if (!(record instanceof ScannedBookRecord)) encodeNormalizedRecord(record); // the check (a scanned record passed it when read)
    const t = recordT(record);
    if (t < this.previousT) throw new TypeError(`"t" ${t} is before the previous record's ${this.previousT}`);
    const out = this.out;
    out.length = LENGTH_ROOM;
    let flags: number = TYPE_CODE[record.type];
    const localDelta = record.local_us - this.previousLocalUs;
    const exchangeDelta = record.exchange_us - record.local_us;
    if (localDelta < 0) flags |= FLAG_LOCAL_BACK;
    if (exchangeDelta < 0) flags |= FLAG_EXCHANGE_BEFORE;
    if (record.type === 'book_update' && record.is_snapshot) flags |= FLAG_IS_SNAPSHOT;
    let index = this.symbols.get(record.symbol);
    if (index === undefined) {
      if (this.symbols.size >= MAX_BINARY_SYMBOLS) throw new TypeError(`more than ${MAX_BINARY_SYMBOLS} symbols in one file`);
      index = this.symbols.size;
      this.symbols.set(record.symbol, index);
      flags |= FLAG_NEW_SYMBOL;
      out.byte(flags);
      out.uint(index);
      out.byte(record.symbol.length);
      out.ascii(record.symbol);
    } else {
      out.byte(flags);
      out.uint(index);
    }
    out.uint(Math.abs(localDelta));
    out.uint(Math.abs(exchangeDelta));
    switch (record.type) {
      case 'book_snapshot':
      case 'book_update':
        if (record instanceof ScannedBookRecord) {
          out.uint(record.packedBids.length / PACKED_LEVEL_STRIDE);
          out.uint(record.packedAsks.length / PACKED_LEVEL_STRIDE);
          packedLevels(out, record.packedBids);
          packedLevels(out, record.packedAsks);
        } else {
          out.uint(record.bids.length);
          out.uint(record.asks.length);
          textLevels(out, record.bids);
          textLevels(out, record.asks);
        }
        break;
      case 'trade': {
        const side = record.side === 'buy' ? 0 : record.side === 'sell' ? 1 : 2;
        const numeric = CANONICAL_ID.test(record.id) && Number.isSafeInteger(Number(record.id));
        const utf16 = !numeric && hasLoneSurrogate(record.id);
        out.byte(side | (numeric ? TRADE_NUMERIC_ID : 0) | (utf16 ? TRADE_UTF16_ID : 0));
        if (numeric) out.uint(Number(record.id));
        else if (utf16) out.utf16(record.id);
        else out.utf8(record.id);
        decimal(out, record.price);
        decimal(out, record.size);
        break;
      }
      case 'quote':
        decimal(out, record.bid_price);
        decimal(out, record.bid_size);
        decimal(out, record.ask_price);
        decimal(out, record.ask_size);
        break;
      case 'derivative':
        decimal(out, record.mark_price);
        decimal(out, record.index_price);
        decimal(out, record.last_price);
        decimal(out, record.funding_rate);
        decimal(out, record.predicted_funding_rate);
        if (record.funding_time_us === null) out.byte(0);
        else {
          out.byte(1);
          out.uint(record.funding_time_us);
        }
        decimal(out, record.open_interest);
        break;
    }
    const bodyBytes = out.length - LENGTH_ROOM;
    if (bodyBytes > MAX_BINARY_RECORD_BYTES) throw new TypeError(`the record takes ${bodyBytes} bytes, more than ${MAX_BINARY_RECORD_BYTES}`);
    this.previousLocalUs = record.local_us;
    this.previousT = t;
    const prefix = varintBytes(bodyBytes);
    const start = LENGTH_ROOM - prefix;
    out.length = start;
    out.uint(bodyBytes);
    return out.buf.subarray(start, LENGTH_ROOM + bodyBytes);
  }
}

function packedLevels(out: BinaryBytes, packed: readonly number[]): void {
  for (let i = 0; i < packed.length; i += PACKED_LEVEL_STRIDE) {
    out.byte(packed[i + 1]!);
    out.uint(packed[i]!);
    out.byte(packed[i + 3]!);
    out.uint(packed[i + 2]!);
  }
}

function textLevels(out: BinaryBytes, levels: readonly NormalizedLevel[]): void {
  for (const [price, size] of levels) {
    decimal(out, price);
    decimal(out, size);
  }
}

/** A valid decimal (or null): packed when its digits fit, else as text. */
function decimal(out: BinaryBytes, text: string | null): void {
  if (text === null) {
    out.byte(DECIMAL_NULL);
    return;
  }
  const negative = text.charCodeAt(0) === 0x2d;
  const dot = text.indexOf('.');
  const digits = text.length - (negative ? 1 : 0) - (dot < 0 ? 0 : 1);
  if (digits > MAX_PACKED_DECIMAL_DIGITS) {
    out.byte(DECIMAL_TEXT);
    out.uint(text.length);
    out.ascii(text);
    return;
  }
  const fraction = dot < 0 ? 0 : text.length - dot - 1;
  const body = negative ? text.slice(1) : text;
  out.byte((negative ? NEGATIVE_DECIMAL : 0) + fraction);
  out.uint(Number(dot < 0 ? body : body.replace('.', '')));
}

function varintBytes(value: number): number {
  let n = 1;
  for (let v = value; v >= 128; v = Math.floor(v / 128)) n++;
  return n;
}

/** A growable byte buffer with the format's primitive writers. */
export class BinaryBytes {
  buf: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(grown, 0, 0, this.length);
    this.buf = grown;
  }

  byte(value: number): void {
    this.room(1);
    this.buf[this.length++] = value;
  }

  /** A varint (value a non-negative safe integer; by division, not 32-bit operators). */
  uint(value: number): void {
    this.room(8);
    const buf = this.buf;
    let v = value;
    while (v >= 128) {
      buf[this.length++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    buf[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  ascii(text: string): void {
    this.room(text.length);
    this.length += this.buf.write(text, this.length, 'latin1');
  }

  /** Varint byte length, then the UTF-16LE code units. */
  utf16(text: string): void {
    this.uint(text.length * 2);
    this.room(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      this.buf[this.length++] = unit & 0xff;
      this.buf[this.length++] = unit >>> 8;
    }
  }

  /** Varint byte length, then the UTF-8 bytes. */
  utf8(text: string): void {
    const n = Buffer.byteLength(text, 'utf8');
    this.uint(n);
    this.room(n);
    this.length += this.buf.write(text, this.length, 'utf8');
  }
}
