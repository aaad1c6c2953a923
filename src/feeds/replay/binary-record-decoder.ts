// BinaryRecordDecoder: the body of one binary replay record (binary-replay-format.ts) → a normalized record, validated by the text decoder's rules; book levels go straight into ScannedBookRecord's packed form.
//
// Symbols come from the file's table (declared once, never re-decoded); a book whose decimals are all packed becomes a
// ScannedBookRecord without a string per level (NormalizedEventMapper.packedLevels reads the numbers); a book with a
// decimal stored as text (more than 15 digits) becomes the plain record; trades and quotes likewise become
// PackedTradeRecord / PackedQuoteRecord (packed-trade-quote-record.ts), or plain records with a long decimal. Anything the format does not allow — a
// bad code, a number past 2^53 − 1 or overlong, a field past the body's end, bytes left after it, a record whose `t`
// goes back, a non-canonical encoding — throws BinaryRecordProblem with the message; the reader wraps it as
// E_REPLAY_FORMAT naming the file, the record and its byte offset. Work is linear in the body's length.
// `build` false (a validating scan): every field is checked, nothing is made but the symbol table, and one shared record is returned.
import { MAX_RECORD_LEVELS, type NormalizedLevel, type NormalizedRecord } from './normalized-record.js';
import type { ReplayNormalizedRecord } from './replay-format.js';
import { ScannedBookRecord } from './scanned-book-record.js';
import { PackedQuoteRecord, PackedTradeRecord } from './packed-trade-quote-record.js';
import { BinaryFieldReader, BinaryRecordProblem } from './binary-field-reader.js';
import {
  DECIMAL_TEXT, FLAG_EXCHANGE_BEFORE, FLAG_IS_SNAPSHOT, FLAG_LOCAL_BACK, FLAG_NEW_SYMBOL, FLAG_RESERVED, MAX_BINARY_SYMBOL_BYTES, MAX_BINARY_SYMBOLS,
  MAX_PACKED_FRACTION, TRADE_NUMERIC_ID, TRADE_SIDES, TRADE_UTF16_ID, TYPE_MASK,
} from './binary-replay-format.js';

export { BinaryRecordProblem };

const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;
const TYPES = [null, 'book_snapshot', 'book_update', 'trade', 'quote', 'derivative'] as const;
/** The record a validating scan returns (its `t` is the record's; nothing reads the rest). */
const CHECKED_RECORD: NormalizedRecord = { type: 'book_snapshot', symbol: '', exchange_us: 0, local_us: 0, bids: [], asks: [] };

export class BinaryRecordDecoder extends BinaryFieldReader {
  /** `t` of the last record decoded. */
  lastT = 0;
  private readonly symbols: string[] = [];
  private readonly known = new Set<string>();
  private previousLocalUs = 0;

  constructor(build = true) {
    super(build);
  }

  /** The record whose body is bytes[start, end). */
  decode(bytes: Buffer, start: number, end: number): ReplayNormalizedRecord {
    this.b = bytes;
    this.p = start;
    this.end = end;
    const flags = this.byte();
    const type = TYPES[flags & TYPE_MASK];
    if (type === undefined || type === null || (flags & FLAG_RESERVED) !== 0) throw new BinaryRecordProblem(`flags byte 0x${flags.toString(16)}: no such record type`);
    if ((flags & FLAG_IS_SNAPSHOT) !== 0 && type !== 'book_update') throw new BinaryRecordProblem('the is_snapshot flag on a record that is no book_update');
    const symbol = this.symbol((flags & FLAG_NEW_SYMBOL) !== 0);
    const localStep = this.uint();
    const local_us = (flags & FLAG_LOCAL_BACK) !== 0 ? this.previousLocalUs - localStep : this.previousLocalUs + localStep;
    if (local_us < 0 || local_us > Number.MAX_SAFE_INTEGER || ((flags & FLAG_LOCAL_BACK) !== 0 && localStep === 0)) throw new BinaryRecordProblem('"local_us" must be a non-negative integer (µs since the epoch)');
    const exchangeStep = this.uint();
    const exchange_us = (flags & FLAG_EXCHANGE_BEFORE) !== 0 ? local_us - exchangeStep : local_us + exchangeStep;
    if (exchange_us < 0 || exchange_us > Number.MAX_SAFE_INTEGER || ((flags & FLAG_EXCHANGE_BEFORE) !== 0 && exchangeStep === 0)) throw new BinaryRecordProblem('"exchange_us" must be a non-negative integer (µs since the epoch)');
    const t = Math.floor(local_us / 1000);
    if (t < this.lastT) throw new BinaryRecordProblem(`"t" ${t} is before the previous record's ${this.lastT}`);
    let record: NormalizedRecord;
    switch (type) {
      case 'book_snapshot':
      case 'book_update':
        record = this.book(type, t, symbol, exchange_us, local_us, (flags & FLAG_IS_SNAPSHOT) !== 0);
        break;
      case 'trade': {
        const bits = this.byte();
        const side = TRADE_SIDES[bits & 0x03];
        if (side === undefined || (bits & ~(0x03 | TRADE_NUMERIC_ID | TRADE_UTF16_ID)) !== 0 || (bits & (TRADE_NUMERIC_ID | TRADE_UTF16_ID)) === (TRADE_NUMERIC_ID | TRADE_UTF16_ID)) {
          throw new BinaryRecordProblem(`trade byte 0x${bits.toString(16)}: "side" must be "buy", "sell" or "unknown", the id numeric, UTF-8 or UTF-16`);
        }
        const id = (bits & TRADE_NUMERIC_ID) !== 0 ? this.numericId() : this.textId((bits & TRADE_UTF16_ID) !== 0);
        const fieldsAt = this.p;
        if (this.build && this.packed(false)) {
          const priceMantissa = this.m;
          const priceFrac = this.f;
          if (this.packed(false)) {
            record = new PackedTradeRecord(symbol, exchange_us, local_us, id, side, priceMantissa, priceFrac, this.m, this.f);
            break;
          }
        }
        this.p = fieldsAt;
        const price = this.decimal('price', false, false)!;
        const size = this.decimal('size', false, false)!;
        record = this.build ? { type, symbol, exchange_us, local_us, id, side, price, size } : CHECKED_RECORD;
        break;
      }
      case 'quote': {
        const fieldsAt = this.p;
        if (this.build && this.packed(true)) {
          const bpm = this.m;
          const bpf = this.f;
          if (this.packed(true)) {
            const bsm = this.m;
            const bsf = this.f;
            if (this.packed(true)) {
              const apm = this.m;
              const apf = this.f;
              if (this.packed(true)) {
                record = new PackedQuoteRecord(symbol, exchange_us, local_us, bpm, bpf, bsm, bsf, apm, apf, this.m, this.f);
                break;
              }
            }
          }
        }
        this.p = fieldsAt;
        const bid_price = this.decimal('bid_price', true, false);
        const bid_size = this.decimal('bid_size', true, false);
        const ask_price = this.decimal('ask_price', true, false);
        const ask_size = this.decimal('ask_size', true, false);
        record = this.build ? { type, symbol, exchange_us, local_us, bid_price, bid_size, ask_price, ask_size } : CHECKED_RECORD;
        break;
      }
      case 'derivative': {
        const mark_price = this.decimal('mark_price', true, false);
        const index_price = this.decimal('index_price', true, false);
        const last_price = this.decimal('last_price', true, false);
        const funding_rate = this.decimal('funding_rate', true, true);
        const predicted_funding_rate = this.decimal('predicted_funding_rate', true, true);
        const present = this.byte();
        if (present > 1) throw new BinaryRecordProblem(`"funding_time_us" must be null or a non-negative integer (µs since the epoch): presence byte ${present}`);
        const funding_time_us = present === 0 ? null : this.uint();
        const open_interest = this.decimal('open_interest', true, false);
        record = this.build ? { type, symbol, exchange_us, local_us, mark_price, index_price, last_price, funding_rate, predicted_funding_rate, funding_time_us, open_interest } : CHECKED_RECORD;
        break;
      }
    }
    if (this.p !== end) throw new BinaryRecordProblem(`${end - this.p} bytes after the record's last field`);
    this.previousLocalUs = local_us;
    this.lastT = t;
    return { kind: 'normalized', t, record };
  }

  private book(type: 'book_snapshot' | 'book_update', t: number, symbol: string, exchange_us: number, local_us: number, isSnapshot: boolean): NormalizedRecord {
    const bidCount = this.count('bids');
    const askCount = this.count('asks');
    const levelsAt = this.p;
    const bids: number[] | null = this.build ? [] : null;
    const asks: number[] | null = this.build ? [] : null;
    if (this.packedSide(bidCount, bids) && this.packedSide(askCount, asks)) {
      return this.build ? new ScannedBookRecord(t, type, symbol, exchange_us, local_us, isSnapshot, bids!, asks!) : CHECKED_RECORD;
    }
    // A decimal stored as text: the levels again, as strings.
    this.p = levelsAt;
    const textBids = this.textSide(bidCount, 'bids');
    const textAsks = this.textSide(askCount, 'asks');
    if (!this.build) return CHECKED_RECORD;
    return type === 'book_update'
      ? { type, symbol, exchange_us, local_us, is_snapshot: isSnapshot, bids: textBids, asks: textAsks }
      : { type, symbol, exchange_us, local_us, bids: textBids, asks: textAsks };
  }

  private count(key: string): number {
    const n = this.uint();
    if (n > MAX_RECORD_LEVELS) throw new BinaryRecordProblem(`"${key}" has ${n} levels, more than ${MAX_RECORD_LEVELS}`);
    return n;
  }

  /** `count` levels of packed decimals into `out` (4 numbers a level); false, at a decimal stored as text. */
  private packedSide(count: number, out: number[] | null): boolean {
    const b = this.b;
    for (let i = 0; i < count; i++) {
      const priceCode = this.p < this.end ? b[this.p++]! : this.cut();
      if (priceCode > MAX_PACKED_FRACTION) return this.notPacked(priceCode);
      const price = this.mantissa();
      const sizeCode = this.p < this.end ? b[this.p++]! : this.cut();
      if (sizeCode > MAX_PACKED_FRACTION) return this.notPacked(sizeCode);
      const size = this.mantissa();
      if (out !== null) out.push(price, priceCode, size, sizeCode);
    }
    return true;
  }

  private notPacked(code: number): false {
    if (code === DECIMAL_TEXT) return false;
    throw new BinaryRecordProblem(`decimal code 0x${code.toString(16)} in a book level: a price or size is unsigned and never null`);
  }

  private textSide(count: number, key: string): NormalizedLevel[] {
    const levels: NormalizedLevel[] = [];
    for (let i = 0; i < count; i++) {
      const price = this.decimal(`${key}[${i}] price`, false, false)!;
      const size = this.decimal(`${key}[${i}] size`, false, false)!;
      if (this.build) levels.push([price, size]);
    }
    return levels;
  }

  private symbol(declared: boolean): string {
    const index = this.uint();
    if (!declared) {
      const symbol = this.symbols[index];
      if (symbol === undefined) throw new BinaryRecordProblem(`symbol index ${index} is not declared (${this.symbols.length} so far)`);
      return symbol;
    }
    if (index !== this.symbols.length) throw new BinaryRecordProblem(`a symbol declared with index ${index}: the next one is ${this.symbols.length}`);
    if (index >= MAX_BINARY_SYMBOLS) throw new BinaryRecordProblem(`more than ${MAX_BINARY_SYMBOLS} symbols in one file`);
    const n = this.byte();
    const symbol = this.b.toString('latin1', this.p, this.take(n));
    if (n > MAX_BINARY_SYMBOL_BYTES || !SYMBOL.test(symbol)) throw new BinaryRecordProblem(`"symbol" must be 1-${MAX_BINARY_SYMBOL_BYTES} characters of letters, digits and . _ : / -`);
    if (this.known.has(symbol)) throw new BinaryRecordProblem(`symbol ${symbol} declared twice`);
    this.known.add(symbol);
    this.symbols.push(symbol);
    return symbol;
  }

}
