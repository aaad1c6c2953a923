// Replay file format v1 and v2 (JSON Lines): pure encoding and validating decoding of the header and record lines.
//
// A replay file is UTF-8 text, one JSON object per line, lines ended by "\n" ("\r\n" is accepted):
//   line 1   header  {"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot"[,"url":…][,"source":…]}
//   line 2…  frame   {"t":<int ms>,"frame":"<raw WebSocket text frame, exactly as received>"}
//            rest    {"t":<int ms>,"rest":"GET /api/v3/depth?symbol=NKNUSDT&limit=1000","body":"<raw response body>"}
// `t` is the receive time in integer ms since the Unix epoch (0 ≤ t ≤ MAX_RECORD_T, 9999-12-31); records are in
// non-decreasing `t`, file order breaking ties (a replay delivers them in file order). A `rest` record
// is a REST response the book sync needs (depth snapshot), placed at the time it was received.
// venue/market: a venue of the registry with a replay kit and one of its replay markets (checked by
// checkReplayVenue when a replay is composed: this layer knows no venue). Unknown keys, a missing key, a wrong type
// and blank lines (except one final empty line) are errors: ShadowExecError E_REPLAY_FORMAT naming the
// line. Encoding writes keys in the order above, so the same records always give the same bytes.
// Version 2 adds `"data":"frames"|"normalized"` to the header (after "market"); a normalized file holds the
// venue-neutral records of normalized-record.ts instead of frames. Version 1 files read as before.
// Full description: docs/replay-format.md.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { encodeNormalizedRecord, looksNormalized, normalizedRecordProblem, type NormalizedRecord } from './normalized-record.js';

export const REPLAY_FORMAT = 'shadow-exec-replay';
/** The version raw-frame files are written in (the recorder's): 1, so their bytes never change. */
export const REPLAY_VERSION = 1;
/** The version with the header's `data` key and normalized records. */
export const NORMALIZED_REPLAY_VERSION = 2;
/** What the records of a file are: raw venue frames (and REST bodies), or normalized records. */
export type ReplayData = 'frames' | 'normalized';
/**
 * Latest receive time a record may carry: 9999-12-31T23:59:59.999Z, the last instant of four-digit ISO years.
 * A later `t` cannot be a receive time, and near the end of the Date range (8.64e15 ms) the run's clock
 * (latency, markouts, --duration) would step past what a date can represent.
 */
export const MAX_RECORD_T = 253_402_300_799_999;
/** Longest piece of a file's text an error message quotes. */
const QUOTE_CHARS = 40;
/**
 * Deepest array/object nesting a line may have before JSON.parse sees it. A valid line has depth 1 (every
 * value is a string or number); JSON.parse spends ~1 µs per level, so a line of a million "[" would block for
 * a second, and 64 MiB of them for half a minute.
 */
export const MAX_LINE_DEPTH = 32;
/** The canonical frame record as encodeReplayRecord writes it, up to the frame's opening quote. */
const CANONICAL_FRAME = /^\{"t":(0|[1-9][0-9]{0,15}),"frame":"/;

/** A venue name as a replay header spells it ("binance" style: the --exchange value). */
export type ReplayVenue = string;
/** A market of that venue as the header spells it ("spot"). */
export type ReplayMarket = string;

/** The venues a replay may be recorded on, by name, with the markets a header may name (in the order errors list them). */
export type ReplayVenueTable = ReadonlyMap<string, readonly string[]>;

export interface ReplayHeader {
  readonly format: typeof REPLAY_FORMAT;
  readonly version: typeof REPLAY_VERSION | typeof NORMALIZED_REPLAY_VERSION;
  readonly venue: ReplayVenue;
  readonly market: ReplayMarket;
  /** Version 2 only (required there): what the records are. Absent in version 1 (frames). */
  readonly data?: ReplayData;
  /** The WebSocket URL the frames were received on (with its stream list), when known. */
  readonly url?: string;
  /** Free-text provenance (recorder, capture, conversion). */
  readonly source?: string;
}

export interface ReplayFrameRecord {
  readonly kind: 'frame';
  /** Receive time, integer ms since the epoch. */
  readonly t: number;
  readonly frame: string;
}

export interface ReplayRestRecord {
  readonly kind: 'rest';
  readonly t: number;
  /** "GET <path>?<query>" as sent, without scheme and host. */
  readonly rest: string;
  readonly body: string;
}

/** A normalized record (version 2 `"data":"normalized"` files); `t` is its local_us truncated to ms. */
export interface ReplayNormalizedRecord {
  readonly kind: 'normalized';
  readonly t: number;
  readonly record: NormalizedRecord;
}

export type ReplayRecord = ReplayFrameRecord | ReplayRestRecord | ReplayNormalizedRecord;

const HEADER_KEYS = new Set(['format', 'version', 'venue', 'market', 'data', 'url', 'source']);

/** Whether a header's records are normalized ones. */
export function isNormalizedReplay(header: ReplayHeader): boolean {
  return header.data === 'normalized';
}

export function encodeReplayHeader(header: ReplayHeader): string {
  validateHeader(header, 1);
  const ordered: Record<string, unknown> = { format: header.format, version: header.version, venue: header.venue, market: header.market };
  if (header.data !== undefined) ordered['data'] = header.data;
  if (header.url !== undefined) ordered['url'] = header.url;
  if (header.source !== undefined) ordered['source'] = header.source;
  return JSON.stringify(ordered);
}

/** One record line, without its "\n". */
export function encodeReplayRecord(record: ReplayRecord): string {
  if (record.kind === 'normalized') return encodeNormalizedRecord(record.record);
  return record.kind === 'frame'
    ? JSON.stringify({ t: record.t, frame: record.frame })
    : JSON.stringify({ t: record.t, rest: record.rest, body: record.body });
}

/** `label` (the file's path) is named in errors when given: "replay file '<label>' line <n>: …". */
export function decodeReplayHeader(line: string, lineNo = 1, label?: string): ReplayHeader {
  const value = parseObject(line, lineNo, label);
  for (const key of Object.keys(value)) if (!HEADER_KEYS.has(key)) throw formatError(lineNo, `unknown header key ${key.length > QUOTE_CHARS ? quote(key) : `'${key}'`}`, label);
  if (value['format'] !== REPLAY_FORMAT) throw formatError(lineNo, `not a replay header: "format" must be "${REPLAY_FORMAT}"`, label);
  const header = value as unknown as ReplayHeader;
  validateHeader(header, lineNo, label);
  return header;
}

/** `normalized`: the file's header says `"data":"normalized"` (its records are normalized-record.ts ones, never frames). */
export function decodeReplayRecord(line: string, lineNo: number, label?: string, normalized = false): ReplayRecord {
  if (normalized) return decodeNormalized(line, lineNo, label);
  const canonical = canonicalFrame(line);
  if (canonical !== null) {
    if (canonical.t > MAX_RECORD_T) throw formatError(lineNo, `"t" ${canonical.t} is after ${MAX_RECORD_T} (9999-12-31T23:59:59.999Z): not a receive time in ms`, label);
    return canonical;
  }
  const value = parseObject(line, lineNo, label);
  const t = value['t'];
  if (!Number.isSafeInteger(t) || (t as number) < 0) throw formatError(lineNo, `"t" must be a non-negative integer (receive time in ms), got ${describe(t)}`, label);
  if ((t as number) > MAX_RECORD_T) throw formatError(lineNo, `"t" ${t as number} is after ${MAX_RECORD_T} (9999-12-31T23:59:59.999Z): not a receive time in ms`, label);
  const keys = Object.keys(value);
  if (typeof value['frame'] === 'string' && keys.length === 2) return { kind: 'frame', t: t as number, frame: value['frame'] };
  if (typeof value['rest'] === 'string' && typeof value['body'] === 'string' && keys.length === 3) {
    if (!/^GET \/\S*$/.test(value['rest'])) throw formatError(lineNo, `"rest" must be "GET /<path>", got ${describe(value['rest'])}`, label);
    return { kind: 'rest', t: t as number, rest: value['rest'], body: value['body'] };
  }
  if (looksNormalized(value)) throw formatError(lineNo, 'a normalized record in a file of frames: its header needs "version":2,"data":"normalized"', label);
  throw formatError(lineNo, `a record is {"t","frame"} or {"t","rest","body"} with string values; got keys ${keys.map((k) => (k.length > QUOTE_CHARS ? quote(k) : k)).join(',')}`, label);
}

function decodeNormalized(line: string, lineNo: number, label: string | undefined): ReplayNormalizedRecord {
  const value = parseObject(line, lineNo, label);
  const t = value['t'];
  if (!Number.isSafeInteger(t) || (t as number) < 0) throw formatError(lineNo, `"t" must be a non-negative integer (receive time in ms), got ${describe(t)}`, label);
  if (!looksNormalized(value)) throw formatError(lineNo, 'a record of a normalized file needs a "type" (book_snapshot, book_update, trade, quote, derivative); frames belong in a "data":"frames" file', label);
  const problem = normalizedRecordProblem(value);
  if (problem !== null) throw formatError(lineNo, problem, label);
  return { kind: 'normalized', t: t as number, record: value as unknown as NormalizedRecord };
}

/** Header, then records, each followed by "\n": the canonical bytes of a replay file. */
export function encodeReplay(header: ReplayHeader, records: readonly ReplayRecord[]): string {
  let text = `${encodeReplayHeader(header)}\n`;
  let lastT = 0;
  records.forEach((record, i) => {
    if (!Number.isSafeInteger(record.t) || record.t < 0 || record.t > MAX_RECORD_T || record.t < lastT) throw formatError(i + 2, `"t" ${record.t} must be an integer from ${lastT} to ${MAX_RECORD_T}`);
    lastT = record.t;
    text += `${encodeReplayRecord(record)}\n`;
  });
  return text;
}

function validateHeader(header: ReplayHeader, lineNo: number, label?: string): void {
  if (header.version !== REPLAY_VERSION && header.version !== NORMALIZED_REPLAY_VERSION) throw formatError(lineNo, `unsupported version ${describe(header.version)} (this build reads ${REPLAY_VERSION} and ${NORMALIZED_REPLAY_VERSION})`, label);
  if (header.version === REPLAY_VERSION && header.data !== undefined) throw formatError(lineNo, `"data" needs "version":${NORMALIZED_REPLAY_VERSION}`, label);
  if (header.version === NORMALIZED_REPLAY_VERSION && header.data !== 'frames' && header.data !== 'normalized') throw formatError(lineNo, `"data" must be "frames" or "normalized" in a version ${NORMALIZED_REPLAY_VERSION} header`, label);
  for (const key of ['url', 'source'] as const) {
    if (header[key] !== undefined && typeof header[key] !== 'string') throw formatError(lineNo, `"${key}" must be a string`, label);
  }
}

/**
 * Checks a header's venue and market against `venues` (E_REPLAY_FORMAT naming the line, like every format error):
 * the venue must be one of them and the market one of its markets.
 */
export function checkReplayVenue(header: ReplayHeader, venues: ReplayVenueTable, label?: string, lineNo = 1): void {
  const markets = typeof header.venue === 'string' ? venues.get(header.venue) : undefined;
  if (markets === undefined) throw formatError(lineNo, `"venue" must be one of ${[...venues.keys()].join(', ')}`, label);
  if (!markets.includes(header.market)) throw formatError(lineNo, `"market" for ${header.venue} must be one of ${markets.join(', ')}`, label);
}

/**
 * `{"t":<digits>,"frame":<one JSON string>}` decoded without parsing the object: the same record JSON.parse
 * gives (the string literal is parsed by JSON.parse; a string cannot nest). null for any other line.
 */
function canonicalFrame(line: string): ReplayFrameRecord | null {
  const head = CANONICAL_FRAME.exec(line);
  if (head === null || line.charCodeAt(line.length - 1) !== 0x7d /* } */) return null;
  let frame: unknown;
  try {
    frame = JSON.parse(line.slice(head[0].length - 1, -1));
  } catch {
    return null;
  }
  return typeof frame === 'string' ? { kind: 'frame', t: Number(head[1]), frame } : null;
}

/** Whether `line` nests arrays/objects deeper than `max` (brackets inside strings do not count); O(length). */
function nestsDeeperThan(line: string, max: number): boolean {
  // Fewer opening brackets than the limit cannot nest past it: counted with native indexOf, no character loop.
  let opening = 0;
  for (const bracket of ['[', '{']) {
    for (let at = line.indexOf(bracket); at >= 0 && opening <= max; at = line.indexOf(bracket, at + 1)) opening++;
  }
  if (opening <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

function parseObject(line: string, lineNo: number, label: string | undefined): Record<string, unknown> {
  if (nestsDeeperThan(line, MAX_LINE_DEPTH)) throw formatError(lineNo, `arrays or objects nested deeper than ${MAX_LINE_DEPTH} levels: not a replay header or record (every value of one is a string or a number)`, label);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw formatError(lineNo, 'not valid JSON', label);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw formatError(lineNo, 'not a JSON object', label);
  return value as Record<string, unknown>;
}

/**
 * A JSON value from the file, for an error message, in O(1) whatever its size or depth: numbers, booleans
 * and null as JSON, strings quoted and cut to QUOTE_CHARS, arrays and objects by kind and size only (never
 * serialised: a 20,000-deep array would overflow the stack).
 */
function describe(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

function quote(text: string): string {
  return text.length <= QUOTE_CHARS ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, QUOTE_CHARS))}… (${text.length} characters)`;
}

export function formatError(lineNo: number, message: string, label?: string): ShadowExecError {
  return new ShadowExecError('E_REPLAY_FORMAT', `${label === undefined ? 'replay' : `replay file '${label}'`} line ${lineNo}: ${message}`);
}
