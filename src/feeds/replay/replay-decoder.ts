// Replay files read line by line (ReplayDecoder: the header first, `t` never decreasing, canonical lines read in their bytes, frame lines taken in place) and a whole replay text decoded; the line formats are replay-format.ts's.
import type { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { FrameEnvelopeScanner } from './frame-envelope-scanner.js';
import { NormalizedLineScanner } from './normalized-line-scanner.js';
import type { NormalizedRecord } from './normalized-record.js';
import { decodeReplayHeader, decodeReplayRecord, formatError, isNormalizedReplay, MAX_RECORD_T, type ReplayHeader, type ReplayNormalizedRecord, type ReplayRecord } from './replay-format.js';

/** Where ReplayDecoder.nextInPlace puts a frame line taken in place: its receive time and the bounds of its frame's literal, indexes into the line's buffer. */
export interface InPlaceLine {
  t: number;
  start: number;
  end: number;
}

/** Shortest canonical frame line: {"t":0,"frame":""} . */
const MIN_FRAME_LINE = '{"t":0,"frame":""}'.length;
/** The bytes before `t`'s digits and between them and the frame's literal. */
const T_KEY = [...Buffer.from('{"t":')];
const FRAME_KEY = [...Buffer.from(',"frame":"')];

/** The record a validating scan returns for each checked normalized line (its `t` is the record's; nothing reads the rest). */
const CHECKED_RECORD: NormalizedRecord = { type: 'book_snapshot', symbol: '', exchange_us: 0, local_us: 0, bids: [], asks: [] };

/** Decodes a file line by line, checking the header comes first and `t` never decreases; `label` (the file's path) is named in errors. */
export class ReplayDecoder {
  private lineNo = 0;
  private lastT = 0;
  private header: ReplayHeader | null = null;
  private normalized = false;
  private ended = false;
  private readonly scanner = new FrameEnvelopeScanner();
  private readonly normalizedScanner = new NormalizedLineScanner();

  /**
   * `label` (the file's path) is named in errors.
   * @param frameText false: for a validating scan that only counts records — frame records read from bytes (nextBytes) carry frame '',
   *   canonical normalized records are checked and returned as one shared empty record. @default true
   */
  constructor(private readonly label?: string, private readonly frameText = true) {}

  /**
   * As next() for the line bytes[start, end) (without its "\n"): a canonical frame record is read from the bytes
   * (frame-envelope-scanner.ts), any other line is decoded as text and goes through next().
   */
  nextBytes(bytes: Buffer, start: number, end: number): ReplayHeader | ReplayRecord | null {
    if (this.normalized && !this.ended) return this.nextNormalizedBytes(bytes, start, end);
    if (!this.frameBytes(bytes, start, end)) return this.next(bytes.toString('utf8', start, end));
    return { kind: 'frame', t: this.lastT, frame: this.scanner.frame };
  }

  /**
   * As nextBytes() for a canonical frame record, without making the record: true when bytes[start, end) is one (its
   * `t` checked — the same errors — and then `lastRecordT`; its frame text in the record nextBytes would give). False,
   * nothing consumed, for any other line: call nextBytes. A validating scan that only counts records reads frame lines so.
   */
  frameBytes(bytes: Buffer, start: number, end: number): boolean {
    const scanner = this.scanner;
    if (this.header === null || this.normalized || this.ended || !scanner.scan(bytes, start, end, this.frameText)) return false;
    this.lineNo++;
    const t = scanner.t;
    if (t > MAX_RECORD_T) throw this.error(this.lineNo, `"t" ${t} is after ${MAX_RECORD_T} (9999-12-31T23:59:59.999Z): not a receive time in ms`);
    if (t < this.lastT) throw this.error(this.lineNo, `"t" ${t} is before the previous record's ${this.lastT}`);
    this.lastT = t;
    return true;
  }

  /** `t` of the last record read (0 before any). */
  get lastRecordT(): number {
    return this.lastT;
  }

  /**
   * A line of a normalized file: a canonical book or trade line is read in its bytes (normalized-line-scanner.ts; the
   * validating scan only checks it), any other line is decoded as text and goes through next().
   */
  private nextNormalizedBytes(bytes: Buffer, start: number, end: number): ReplayHeader | ReplayRecord | null {
    // next() drops one "\r" before the "\n": so does the scan.
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    const scanner = this.normalizedScanner;
    let record: ReplayNormalizedRecord | null = null;
    if (!this.frameText) {
      if (scanner.check(bytes, start, stop)) record = { kind: 'normalized', t: scanner.checkedT, record: CHECKED_RECORD };
    } else {
      const scanned = scanner.scan(bytes, start, stop);
      if (scanned !== null) record = { kind: 'normalized', t: scanned.t, record: scanned as NormalizedRecord };
    }
    if (record === null) return this.next(bytes.toString('utf8', start, end));
    this.lineNo++;
    if (record.t < this.lastT) throw this.error(this.lineNo, `"t" ${record.t} is before the previous record's ${this.lastT}`);
    this.lastT = record.t;
    return record;
  }

  /**
   * For a streaming pass over lines a validating pass has checked: a line bytes[start, end) shaped as a canonical frame
   * record (`{"t":<digits>,"frame":"…"}`) with a valid `t` is taken in place — `into` given `t` and the bounds of the
   * frame's literal in `bytes` (read in the bytes: no string is made here; the literal is not read) — and true returned.
   * Any other line returns false with nothing consumed (call nextBytes). frameOf() then gives the frame's text, or the
   * line's format error.
   */
  nextInPlace(bytes: Buffer, start: number, end: number, into: InPlaceLine): boolean {
    if (this.header === null || this.normalized || this.ended || end - start < MIN_FRAME_LINE) return false;
    const last = end - 2;
    // The closing quote and brace first: the digit loop below then always stops inside the line.
    if (bytes[last] !== 0x22 || bytes[last + 1] !== 0x7d) return false;
    for (let k = 0; k < T_KEY.length; k++) if (bytes[start + k] !== T_KEY[k]) return false;
    const digitsAt = start + T_KEY.length;
    let i = digitsAt;
    let t = 0;
    for (let d = bytes[i]! - 0x30; d >>> 0 <= 9; d = bytes[++i]! - 0x30) t = t * 10 + d;
    // As FrameEnvelopeScanner: 1 to 15 digits, no leading zero.
    const digits = i - digitsAt;
    if (digits === 0 || digits > 15 || (digits > 1 && bytes[digitsAt] === 0x30) || last < i + FRAME_KEY.length) return false;
    for (let k = 0; k < FRAME_KEY.length; k++) if (bytes[i + k] !== FRAME_KEY[k]) return false;
    // A `t` nextBytes would refuse is left to it: it then reports the line's errors in their usual order.
    if (t > MAX_RECORD_T || t < this.lastT) return false;
    this.lineNo++;
    this.lastT = t;
    into.t = t;
    into.start = i + FRAME_KEY.length;
    into.end = last;
    return true;
  }

  /** The frame of the line nextInPlace() last took (bytes[start, end), still in place): its text, or the format error the text decoder gives. */
  frameOf(bytes: Buffer, start: number, end: number): string {
    if (this.scanner.scan(bytes, start, end, true)) return this.scanner.frame;
    const record = decodeReplayRecord(bytes.toString('utf8', start, end), this.lineNo, this.label);
    if (record.kind !== 'frame') throw this.error(this.lineNo, 'not a frame record');
    return record.frame;
  }

  /** An E_REPLAY_FORMAT error about line `lineNo` of this file. */
  error(lineNo: number, message: string): ShadowExecError {
    return formatError(lineNo, message, this.label);
  }

  /** The next line (without or with its "\r"); returns the header for line 1, a record after, null for the final empty line. */
  next(rawLine: string): ReplayHeader | ReplayRecord | null {
    this.lineNo++;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (this.ended) throw this.error(this.lineNo - 1, 'blank line inside the file');
    if (line === '') {
      if (this.header === null) throw this.error(this.lineNo, 'empty file: the header line is missing');
      this.ended = true;
      return null;
    }
    if (this.header === null) {
      this.header = decodeReplayHeader(line, this.lineNo, this.label);
      this.normalized = isNormalizedReplay(this.header);
      return this.header;
    }
    const record = decodeReplayRecord(line, this.lineNo, this.label, this.normalized);
    if (record.t < this.lastT) throw this.error(this.lineNo, `"t" ${record.t} is before the previous record's ${this.lastT}`);
    this.lastT = record.t;
    return record;
  }
}

/** A whole replay text (as read from a file). */
export function decodeReplay(text: string): { header: ReplayHeader; records: ReplayRecord[] } {
  const decoder = new ReplayDecoder();
  const lines = text.split('\n');
  const records: ReplayRecord[] = [];
  let header: ReplayHeader | null = null;
  for (const line of lines) {
    const item = decoder.next(line);
    if (item === null) continue;
    if ('kind' in item) records.push(item);
    else header = item;
  }
  if (header === null) throw formatError(1, 'empty file: the header line is missing');
  return { header, records };
}

