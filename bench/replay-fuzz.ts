// Seeded fuzzing of the replay file parsers — line reader, header and record decoding — against independent reference oracles, counting crashes, hangs and wrong answers (run by `npm run fuzz`, fuzz-bench.ts).
//
// Each parser gets `inputs` generated inputs (fast-check, fixed seed: the same inputs every run):
// - line reader: random bytes (JSON-ish text, "\n", "\r", BOMs, multi-byte and broken UTF-8) read from
//   memory with a random chunk size and line cap; oracle: TextDecoder over the whole buffer split on "\n"
//   (a BOM stripped, no line for a final "\n"), or E_REPLAY_FORMAT at the first line over the cap.
// - header: mutations of a valid header (wrong/deep/huge values, extra keys, cut text); oracle: the rules
//   of docs/replay-format.md written out again here.
// - records: 1–4 record lines after a valid header through ReplayDecoder (mutated valid records, hostile
//   `t` values, deep arrays, huge strings, cut lines); oracle: the same rules, with non-decreasing `t`.
// - normalized records: the same after a version 2 `"data":"normalized"` header, with mutated book, trade, quote
//   and derivative records (hostile decimals, timestamps, level arrays); oracle: docs/replay-format.md's rules
//   for normalized records written out again here.
// - binary records: binary replays (binary-replay-fuzz.ts) valid, mutated, cut, padded or with hostile length fields;
//   oracle: the encoding is unique, so what is accepted must re-encode to the input (or a prefix before a cut record).
// Outcomes: crash (anything thrown but E_REPLAY_FORMAT), hang (one input over HANG_MS), wrong accept (the
// parser returned what the oracle refuses, or other lines/records), wrong reject (the reverse, or the
// error names another line).
import fc from 'fast-check';
import { ShadowExecError } from '../src/core/errors/shadow-exec-error.js';
import { checkReplayVenue, decodeReplayHeader, MAX_LINE_DEPTH, MAX_RECORD_T, type ReplayRecord } from '../src/feeds/replay/replay-format.js';
import { ReplayDecoder } from '../src/feeds/replay/replay-decoder.js';
import { ReplayLineReader } from '../src/feeds/replay/replay-line-reader.js';
import { binaryFuzzInput, checkBinary } from './binary-replay-fuzz.js';

export const HANG_MS = 100;

export interface FuzzFigures {
  readonly parser: string;
  readonly inputs: number;
  readonly crashes: number;
  readonly hangs: number;
  readonly wrongAccepts: number;
  readonly wrongRejects: number;
  readonly slowestMs: number;
  /** The first problem seen (input cut to 200 characters), for a reproduction; null when none. */
  readonly firstProblem: string | null;
}

type Verdict = 'ok' | 'crash' | 'wrong-accept' | 'wrong-reject';
/** Wraps the call of the parser under test, so only its time counts (not the oracle's). */
type Timed = <R>(run: () => R) => R;

/**
 * Runs `check` on `inputs` values of `arbitrary` (seeded) and counts what went wrong. An input whose parser
 * time is over HANG_MS is run twice more and counts as a hang only if every run is (a loaded machine's
 * scheduling pause is not a hang).
 */
function fuzz<T>(parser: string, arbitrary: fc.Arbitrary<T>, check: (input: T, timed: Timed) => Verdict, inputs: number, seed: number): FuzzFigures {
  let crashes = 0;
  let hangs = 0;
  let wrongAccepts = 0;
  let wrongRejects = 0;
  let slowestMs = 0;
  let firstProblem: string | null = null;
  let count = 0;
  const note = (what: string, input: T): void => {
    firstProblem ??= `${what}: ${fc.stringify(input).slice(0, 200)}`;
  };
  fc.assert(
    fc.property(arbitrary, (input) => {
      count++;
      let parserMs = 0;
      const timed: Timed = (run) => {
        const started = process.hrtime.bigint();
        try {
          return run();
        } finally {
          parserMs += Number(process.hrtime.bigint() - started) / 1e6;
        }
      };
      let verdict: Verdict;
      try {
        verdict = check(input, timed);
      } catch (error) {
        verdict = 'crash';
        note(`crash ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 80)}` : String(error)}`, input);
      }
      let ms = parserMs;
      for (let retry = 0; retry < 2 && ms > HANG_MS && verdict !== 'crash'; retry++) {
        parserMs = 0;
        check(input, timed);
        ms = Math.min(ms, parserMs);
      }
      slowestMs = Math.max(slowestMs, ms);
      if (ms > HANG_MS) {
        hangs++;
        note(`hang ${ms.toFixed(0)} ms`, input);
      }
      if (verdict === 'crash') crashes++;
      else if (verdict === 'wrong-accept') (wrongAccepts++, note('wrong accept', input));
      else if (verdict === 'wrong-reject') (wrongRejects++, note('wrong reject', input));
      return true;
    }),
    { numRuns: inputs, seed, endOnFailure: true },
  );
  return { parser, inputs: count, crashes, hangs, wrongAccepts, wrongRejects, slowestMs, firstProblem };
}

/** A format error of ours (refusal), or rethrows anything else (a crash). */
function refusal(error: unknown): ShadowExecError {
  if (error instanceof ShadowExecError && error.code === 'E_REPLAY_FORMAT') return error;
  throw error;
}

// ---------------------------------------------------------------- line reader

const utf8 = (text: string): number[] => [...Buffer.from(text, 'utf8')];
const bytePiece: fc.Arbitrary<readonly number[]> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }).map(utf8) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map(utf8) },
  { weight: 3, arbitrary: fc.constantFrom<readonly number[]>([0x0a], [0x0d, 0x0a], [0x0d], [0xef, 0xbb, 0xbf], [0x0a, 0x0a]) },
  { weight: 2, arbitrary: fc.constantFrom(utf8('{"t":1,"frame":"'), utf8('€'), utf8('𝄞'), utf8('é')) },
  // Broken UTF-8: lone continuation bytes, cut sequences, overlongs, surrogates, out of range.
  { weight: 2, arbitrary: fc.constantFrom<readonly number[]>([0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9d, 0x84], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff]) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 16 }).map((a) => [...a]) },
);

export interface ReaderInput {
  readonly bytes: number[];
  readonly chunkBytes: number;
  readonly maxLineBytes: number;
}

export const readerInput: fc.Arbitrary<ReaderInput> = fc.record({
  bytes: fc.array(bytePiece, { maxLength: 24 }).map((pieces) => pieces.flat()),
  chunkBytes: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 9, max: 300 })),
  maxLineBytes: fc.oneof({ weight: 3, arbitrary: fc.constant(1 << 20) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) }),
});

/** The lines the reader returns for `input`, or the line number of its E_REPLAY_FORMAT refusal. */
export function readLines(input: ReaderInput, timed: Timed = (run) => run()): { lines: string[]; terminated: boolean[] } | { refusedAt: number } {
  const bytes = Buffer.from(input.bytes);
  const readAt = (buffer: Buffer, offset: number, length: number, position: number): number => bytes.copy(buffer, offset, position, Math.min(bytes.length, position + length));
  const reader = new ReplayLineReader(-1, 'fuzz', { chunkBytes: input.chunkBytes, maxLineBytes: input.maxLineBytes, readAt });
  const lines: string[] = [];
  const terminated: boolean[] = [];
  try {
    timed(() => {
      for (let line = reader.next(); line !== null; line = reader.next()) (lines.push(line), terminated.push(reader.terminated));
    });
  } catch (error) {
    return { refusedAt: Number(/ line (\d+):/.exec(refusal(error).message)?.[1]) };
  }
  return { lines, terminated };
}

/** Oracle: whole-buffer decoding split on "\n" (TextDecoder strips a leading BOM), the cap checked on byte lengths. */
export function referenceLines(input: ReaderInput): { lines: string[]; terminated: boolean[] } | { refusedAt: number } {
  const bytes = Uint8Array.from(input.bytes);
  const byteLines: number[] = [];
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let start = bom ? 3 : 0;
  for (let i = start; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (i === bytes.length && start === i) break;
      byteLines.push(i - start);
      start = i + 1;
    }
  }
  const over = byteLines.findIndex((n) => n > input.maxLineBytes);
  if (over >= 0) return { refusedAt: over + 1 };
  const text = new TextDecoder().decode(bytes);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] === 0x0a;
  return { lines, terminated: lines.map((_, i) => i < lines.length - 1 || endsWithNewline) };
}

function checkReader(input: ReaderInput, timed: Timed): Verdict {
  const got = readLines(input, timed);
  const want = referenceLines(input);
  if ('refusedAt' in got) return 'refusedAt' in want && want.refusedAt === got.refusedAt ? 'ok' : 'wrong-reject';
  if ('refusedAt' in want) return 'wrong-accept';
  return JSON.stringify(got) === JSON.stringify(want) ? 'ok' : 'wrong-accept';
}

// ---------------------------------------------------------------- header and records

const HEADER_KEYS = ['format', 'version', 'venue', 'market', 'data', 'url', 'source'];
const MARKETS: Record<string, string[]> = { binance: ['spot', 'usdm'], bybit: ['spot', 'linear'] };
const REPLAY_VENUES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(MARKETS));
const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** Sizes of the hostile values: the bench run goes big, the npm test run stays quick. */
export interface FuzzSizes {
  /** Deepest nested array generated. */
  readonly maxDepth: number;
  /** Longest string generated, characters. */
  readonly maxStringChars: number;
}

export const BENCH_SIZES: FuzzSizes = { maxDepth: 21_000, maxStringChars: 1_000_000 };

/** JSON value texts a hostile file could hold where a number or string belongs. */
const hostileValue = (sizes: FuzzSizes): fc.Arbitrary<string> => fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('1', '0', '-1', '1.5', '1e300', '-0', '9e15', '9007199254740993', String(MAX_RECORD_T), String(MAX_RECORD_T + 1), '8640000000000000', 'null', 'true', '"1"', '""', '[]', '{}', '[1]', '"spot"', '"binance"', '"bybit"', '"linear"', '"usdm"', '"shadow-exec-replay"') },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: 1, max: MAX_LINE_DEPTH + 2 }), fc.integer({ min: 1, max: sizes.maxDepth })).map(deep) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: sizes.maxStringChars }).map((n) => `"${'x'.repeat(n)}"`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_000 }).map((n) => '9'.repeat(n)) },
  { weight: 3, arbitrary: fc.nat({ max: Number.MAX_SAFE_INTEGER }).map(String) },
);

/** Text edits of a valid line: cut, a character replaced or inserted, whitespace. */
const edit = (line: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(line) },
    { weight: 2, arbitrary: fc.nat({ max: line.length }).map((n) => line.slice(0, n)) },
    { weight: 2, arbitrary: fc.tuple(fc.nat({ max: Math.max(0, line.length - 1) }), fc.string({ unit: 'binary', minLength: 1, maxLength: 2 })).map(([i, c]) => line.slice(0, i) + c + line.slice(i + 1)) },
    { weight: 1, arbitrary: fc.tuple(fc.nat({ max: line.length }), fc.constantFrom(' ', '\t', ',', '"', '\\', '\u2028', '}', '{')).map(([i, c]) => line.slice(0, i) + c + line.slice(i)) },
  );

/** Key/value pairs of an object text, some keys replaced, dropped, doubled or added with hostile values. */
function objectText(pairs: fc.Arbitrary<[string, string][]>, extraKeys: readonly string[], sizes: FuzzSizes): fc.Arbitrary<string> {
  return fc
    .tuple(pairs, fc.array(fc.tuple(fc.constantFrom(...extraKeys), hostileValue(sizes)), { maxLength: 2 }), fc.array(fc.tuple(fc.nat(), hostileValue(sizes)), { maxLength: 2 }), fc.array(fc.nat(), { maxLength: 1 }))
    .map(([base, extra, replace, drop]) => {
      const out = base.map(([k, v]) => [k, v] as [string, string]);
      for (const [i, v] of replace) if (out.length > 0) out[i % out.length]![1] = v;
      for (const i of drop) if (out.length > 0) out.splice(i % out.length, 1);
      out.push(...extra);
      return `{${out.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
    })
    .chain(edit);
}

const headerText = (sizes: FuzzSizes): fc.Arbitrary<string> => objectText(
  fc.tuple(fc.constantFrom('binance', 'bybit', 'kraken'), fc.constantFrom('spot', 'usdm', 'linear', 'inverse'), fc.boolean(), fc.boolean()).map(([venue, market, url, source]) => {
    const pairs: [string, string][] = [['format', '"shadow-exec-replay"'], ['version', '1'], ['venue', JSON.stringify(venue)], ['market', JSON.stringify(market)]];
    if (url && source) pairs.splice(1, 1, ['version', '2'], ['data', '"normalized"']);
    if (url) pairs.push(['url', '"wss://stream.example/ws"']);
    if (source) pairs.push(['source', '"fuzz"']);
    return pairs;
  }),
  ['format', 'version', 'venue', 'market', 'data', 'url', 'source', 'extra', '__proto__', 'constructor', 'toString'],
  sizes,
);

/** Oracle's own nesting measure: the deepest run of unclosed [ and { outside string literals. */
function depthOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (escaped) escaped = false;
    else if (inString && c === '\\') escaped = true;
    else if (inString) inString = c !== '"';
    else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

/** JSON.parse, except for text nested deeper than the format allows (refused before parsing, docs/replay-format.md). */
function parseJson(text: string): { value: unknown } | null {
  if (depthOf(text) > MAX_LINE_DEPTH) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

/** Oracle for a header line: the rules of docs/replay-format.md. */
export function headerAccepted(line: string): boolean {
  const parsed = parseJson(line);
  if (parsed === null) return false;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => !HEADER_KEYS.includes(k))) return false;
  if (v['format'] !== 'shadow-exec-replay' || (v['version'] !== 1 && v['version'] !== 2)) return false;
  if (v['version'] === 1 ? Object.hasOwn(v, 'data') : v['data'] !== 'frames' && v['data'] !== 'normalized') return false;
  const venue = v['venue'];
  if (typeof venue !== 'string' || !Object.keys(MARKETS).includes(venue)) return false;
  if (typeof v['market'] !== 'string' || !MARKETS[venue]!.includes(v['market'])) return false;
  return ['url', 'source'].every((k) => !Object.hasOwn(v, k) || typeof v[k] === 'string');
}

function checkHeader(line: string, timed: Timed): Verdict {
  const want = headerAccepted(line);
  try {
    // The format reads any venue; composition checks it against the registry's replay venues (MARKETS here).
    timed(() => checkReplayVenue(decodeReplayHeader(line), REPLAY_VENUES));
  } catch (error) {
    refusal(error);
    return want ? 'wrong-reject' : 'ok';
  }
  return want ? 'ok' : 'wrong-accept';
}

const recordText = (sizes: FuzzSizes): fc.Arbitrary<string> => objectText(
  fc.oneof(
    fc.tuple(fc.nat({ max: 2_000_000_000_000 }), fc.string({ unit: 'grapheme', maxLength: 40 })).map(([t, frame]): [string, string][] => [['t', String(t)], ['frame', JSON.stringify(frame)]]),
    fc.tuple(fc.nat({ max: 2_000_000_000_000 }), fc.constantFrom('GET /api/v3/depth?symbol=X&limit=1000', 'GET /', 'GET  /x', 'POST /x', 'GET /a b', 'GET /\u00a0'), fc.json({ maxDepth: 2 })).map(([t, rest, body]): [string, string][] => [['t', String(t)], ['rest', JSON.stringify(rest)], ['body', JSON.stringify(body)]]),
  ),
  ['t', 'frame', 'rest', 'body', 'x', '__proto__'],
  sizes,
);

/** Oracle for one record line: the record it holds, or null when the rules refuse it. */
export function referenceRecord(line: string): ReplayRecord | null {
  const parsed = parseJson(line);
  if (parsed === null) return null;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const t = v['t'];
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t > MAX_RECORD_T) return null;
  const keys = Object.keys(v).sort();
  if (keys.join(',') === 'frame,t' && typeof v['frame'] === 'string') return { kind: 'frame', t, frame: v['frame'] };
  const rest = v['rest'];
  if (keys.join(',') === 'body,rest,t' && typeof rest === 'string' && typeof v['body'] === 'string' && /^GET \/\S*$/.test(rest)) return { kind: 'rest', t, rest, body: v['body'] };
  return null;
}

const HEADER = '{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot"}';

function checkRecords(lines: readonly string[], timed: Timed): Verdict {
  // Oracle: records in order until the first refused line (or decreasing t); the error names that line.
  const want: ReplayRecord[] = [];
  let refusedAt: number | null = null;
  let lastT = 0;
  for (const [i, line] of lines.entries()) {
    const record = referenceRecord(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (record === null || record.t < lastT) {
      refusedAt = i + 2;
      break;
    }
    lastT = record.t;
    want.push(record);
  }
  const decoder = new ReplayDecoder();
  const got: ReplayRecord[] = [];
  try {
    decoder.next(HEADER);
    timed(() => {
      for (const line of lines) {
        const item = decoder.next(line);
        if (item !== null && 'kind' in item) got.push(item);
      }
    });
  } catch (error) {
    const at = Number(/ line (\d+):/.exec(refusal(error).message)?.[1]);
    return refusedAt === at && JSON.stringify(got) === JSON.stringify(want) ? 'ok' : refusedAt === null ? 'wrong-reject' : 'wrong-accept';
  }
  if (refusedAt !== null) return 'wrong-accept';
  return JSON.stringify(got) === JSON.stringify(want) ? 'ok' : 'wrong-accept';
}

const decimalText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('"1"', '"0"', '"0.5"', '"95000.10"', '"-1"', '"1e-8"', '"01"', '"1."', '".5"', '""', '"+1"', '"NaN"', '1', 'null') },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 70 }).map((n) => `"1.${'0'.repeat(n - 2)}"`) },
);
const levelsText = fc.oneof(
  fc.array(fc.tuple(decimalText, decimalText).map(([p, q]) => `[${p},${q}]`), { maxLength: 3 }).map((l) => `[${l.join(',')}]`),
  fc.constantFrom('[]', '[[]]', '[["1"]]', '[["1","1","1"]]', '{}', '"x"', '[1]'),
);

/** A normalized record's key/value texts (t derived from local_us, or not), of one of the five types. */
const normalizedPairs: fc.Arbitrary<[string, string][]> = fc
  .tuple(fc.constantFrom('book_snapshot', 'book_update', 'trade', 'quote', 'derivative', 'bar'), fc.nat({ max: 2_000_000_000_000_000 }), fc.boolean(), decimalText, decimalText, levelsText, levelsText)
  .map(([type, us, tRight, d1, d2, bids, asks]) => {
    const base: [string, string][] = [['t', String(tRight ? Math.floor(us / 1000) : Math.floor(us / 1000) + 1)], ['type', JSON.stringify(type)], ['symbol', '"BTCUSDT"'], ['exchange_us', String(us)], ['local_us', String(us)]];
    switch (type) {
      case 'book_snapshot': return [...base, ['bids', bids], ['asks', asks]];
      case 'book_update': return [...base, ['is_snapshot', 'false'], ['bids', bids], ['asks', asks]];
      case 'trade': return [...base, ['id', '"7"'], ['side', '"buy"'], ['price', d1], ['size', d2]];
      case 'quote': return [...base, ['bid_price', d1], ['bid_size', d2], ['ask_price', d1], ['ask_size', 'null']];
      default: return [...base, ['mark_price', d1], ['index_price', 'null'], ['last_price', d2], ['funding_rate', '"-0.0001"'], ['predicted_funding_rate', 'null'], ['funding_time_us', String(us)], ['open_interest', 'null']];
    }
  });

const normalizedText = (sizes: FuzzSizes): fc.Arbitrary<string> => objectText(normalizedPairs, ['t', 'type', 'symbol', 'bids', 'side', 'is_snapshot', 'x', '__proto__'], sizes);

const TYPE_FIELDS: Record<string, string[]> = {
  book_snapshot: ['bids', 'asks'],
  book_update: ['is_snapshot', 'bids', 'asks'],
  trade: ['id', 'side', 'price', 'size'],
  quote: ['bid_price', 'bid_size', 'ask_price', 'ask_size'],
  derivative: ['mark_price', 'index_price', 'last_price', 'funding_rate', 'predicted_funding_rate', 'funding_time_us', 'open_interest'],
};

/** Oracle for a plain decimal of the format: digits, an optional fraction, no leading zero, at most 64 characters. */
function isFormatDecimal(v: unknown, signed: boolean): boolean {
  if (typeof v !== 'string' || v.length > 64) return false;
  const body = signed && v.startsWith('-') ? v.slice(1) : v;
  const [whole, fraction, ...more] = body.split('.');
  if (more.length > 0 || whole === undefined || !/^[0-9]+$/.test(whole) || (whole.length > 1 && whole.startsWith('0'))) return false;
  return fraction === undefined || /^[0-9]+$/.test(fraction);
}

const isMicros = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Oracle for one record line of a normalized file: accepted or not (docs/replay-format.md, normalized records). */
export function referenceNormalized(line: string): boolean {
  const parsed = parseJson(line);
  if (parsed === null) return false;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const fields = typeof v['type'] === 'string' ? TYPE_FIELDS[v['type']] : undefined;
  if (fields === undefined || !Object.hasOwn(TYPE_FIELDS, v['type'] as string)) return false;
  const keys = ['t', 'type', 'symbol', 'exchange_us', 'local_us', ...fields];
  if (Object.keys(v).length !== keys.length || !keys.every((k) => Object.hasOwn(v, k))) return false;
  if (typeof v['symbol'] !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/.test(v['symbol'])) return false;
  if (!isMicros(v['exchange_us']) || !isMicros(v['local_us'])) return false;
  if (v['t'] !== Math.floor((v['local_us'] as number) / 1000)) return false;
  const levels = (l: unknown): boolean => Array.isArray(l) && l.every((x) => Array.isArray(x) && x.length === 2 && isFormatDecimal(x[0], false) && isFormatDecimal(x[1], false));
  switch (v['type']) {
    case 'book_update':
      if (typeof v['is_snapshot'] !== 'boolean') return false;
      return levels(v['bids']) && levels(v['asks']);
    case 'book_snapshot':
      return levels(v['bids']) && levels(v['asks']);
    case 'trade':
      return typeof v['id'] === 'string' && v['id'].length <= 128 && ['buy', 'sell', 'unknown'].includes(v['side'] as string) && isFormatDecimal(v['price'], false) && isFormatDecimal(v['size'], false);
    case 'quote':
      return fields.every((k) => v[k] === null || isFormatDecimal(v[k], false));
    default:
      return fields.every((k) => v[k] === null || (k === 'funding_time_us' ? isMicros(v[k]) : isFormatDecimal(v[k], k.endsWith('funding_rate'))));
  }
}

const NORMALIZED_HEADER = '{"format":"shadow-exec-replay","version":2,"venue":"binance","market":"spot","data":"normalized"}';

function checkNormalized(lines: readonly string[], timed: Timed): Verdict {
  let refusedAt: number | null = null;
  let accepted = 0;
  let lastT = 0;
  for (const [i, line] of lines.entries()) {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    const ok = referenceNormalized(text);
    const t = ok ? (JSON.parse(text) as { t: number }).t : 0;
    if (!ok || t < lastT) {
      refusedAt = i + 2;
      break;
    }
    lastT = t;
    accepted++;
  }
  const decoder = new ReplayDecoder();
  let got = 0;
  try {
    decoder.next(NORMALIZED_HEADER);
    // As a file is read: each line's bytes (the byte scanner, falling back to the text path).
    const bytes = lines.map((line) => Buffer.from(line, 'utf8'));
    timed(() => {
      for (const line of bytes) {
        const item = decoder.nextBytes(line, 0, line.length);
        if (item !== null && 'kind' in item) got++;
      }
    });
  } catch (error) {
    const at = Number(/ line (\d+):/.exec(refusal(error).message)?.[1]);
    return refusedAt === at && got === accepted ? 'ok' : refusedAt === null ? 'wrong-reject' : 'wrong-accept';
  }
  return refusedAt === null && got === accepted ? 'ok' : 'wrong-accept';
}

/** Fuzzes the five parsers with `inputs` inputs each (same seed, same inputs). */
export function fuzzReplayParsers(inputs: number, seed = 13, sizes: FuzzSizes = BENCH_SIZES): FuzzFigures[] {
  return [
    fuzz('replay line reader', readerInput, checkReader, inputs, seed),
    fuzz('replay header', headerText(sizes), checkHeader, inputs, seed),
    // Lines never contain "\n" (the reader splits on it) and are never empty (a blank line has its own rule).
    fuzz('replay records', fc.array(recordText(sizes).map((l) => l.replaceAll('\n', ' ')).filter((l) => l !== '' && l !== '\r'), { minLength: 1, maxLength: 4 }), checkRecords, inputs, seed),
    fuzz('replay normalized records', fc.array(normalizedText(sizes).map((l) => l.replaceAll('\n', ' ')).filter((l) => l !== '' && l !== '\r'), { minLength: 1, maxLength: 4 }), checkNormalized, inputs, seed),
    fuzz('replay binary records', binaryFuzzInput, checkBinary, inputs, seed),
  ];
}

/** One line per parser, laid out as fuzz-bench.ts prints the other parsers, plus wrong rejects. */
export function formatFuzz(f: FuzzFigures): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const head = `${f.parser.padEnd(32)} inputs ${n(f.inputs).padStart(9)}  crashes ${n(f.crashes).padStart(4)}  hangs>${HANG_MS}ms ${n(f.hangs).padStart(4)}  wrong accepts ${n(f.wrongAccepts).padStart(4)}  wrong rejects ${n(f.wrongRejects).padStart(4)}  slowest ${f.slowestMs.toFixed(1)} ms`;
  return f.firstProblem === null ? head : `${head}\n    first: ${f.firstProblem}`;
}

