// Covers replay-format.ts: canonical encoding, round trips, and every validation error with its line number (E_REPLAY_FORMAT).
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { checkReplayVenue, MAX_LINE_DEPTH, MAX_RECORD_T, decodeReplayHeader, decodeReplayRecord, encodeReplay, encodeReplayHeader, encodeReplayRecord, type ReplayHeader, type ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import { decodeReplay, ReplayDecoder } from '../../../src/feeds/replay/replay-decoder.js';
import { ShadowExecError } from '../../../src/core/errors/shadow-exec-error.js';
import { plainBookRecord, ScannedBookRecord } from '../../../src/feeds/replay/scanned-book-record.js';
import { codeOf } from '../../helpers/error-code.js';

const HEADER: ReplayHeader = { format: 'shadow-exec-replay', version: 1, venue: 'binance', market: 'spot', url: 'wss://x/stream?streams=a@b', source: 'test' };
const RECORDS: ReplayRecord[] = [
  { kind: 'frame', t: 1000, frame: '{"u":1,"s":"X"}' },
  { kind: 'rest', t: 1000, rest: 'GET /api/v3/depth?symbol=X&limit=1000', body: '{"lastUpdateId":1,"bids":[],"asks":[]}' },
  { kind: 'frame', t: 1002, frame: 'not json at all, kept raw\twith "quotes"' },
];

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof ShadowExecError ? `${e.code} ${e.message}` : String(e);
  }
  return 'no error';
}

describe('encoding', () => {
  it('writes keys in the documented order, one line per item, each ended by \\n', () => {
    expect(encodeReplay(HEADER, RECORDS)).toBe(
      '{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot","url":"wss://x/stream?streams=a@b","source":"test"}\n'
      + '{"t":1000,"frame":"{\\"u\\":1,\\"s\\":\\"X\\"}"}\n'
      + '{"t":1000,"rest":"GET /api/v3/depth?symbol=X&limit=1000","body":"{\\"lastUpdateId\\":1,\\"bids\\":[],\\"asks\\":[]}"}\n'
      + '{"t":1002,"frame":"not json at all, kept raw\\twith \\"quotes\\""}\n',
    );
  });

  it('omits absent optional header keys', () => {
    expect(encodeReplayHeader({ format: 'shadow-exec-replay', version: 1, venue: 'bybit', market: 'linear' })).toBe(
      '{"format":"shadow-exec-replay","version":1,"venue":"bybit","market":"linear"}',
    );
  });

  it('round-trips header and records exactly', () => {
    expect(decodeReplay(encodeReplay(HEADER, RECORDS))).toEqual({ header: HEADER, records: RECORDS });
    expect(decodeReplayRecord(encodeReplayRecord(RECORDS[1] as ReplayRecord), 2)).toEqual(RECORDS[1]);
  });

  it('refuses to encode records whose t decreases or is not an integer', () => {
    expect(codeOf(() => encodeReplay(HEADER, [{ kind: 'frame', t: 5, frame: 'a' }, { kind: 'frame', t: 4, frame: 'b' }]))).toBe('E_REPLAY_FORMAT');
    expect(codeOf(() => encodeReplay(HEADER, [{ kind: 'frame', t: 1.5, frame: 'a' }]))).toBe('E_REPLAY_FORMAT');
  });
});

describe('decoding', () => {
  const head = encodeReplayHeader(HEADER);

  it('accepts \\r\\n line ends and one final empty line', () => {
    expect(decodeReplay(`${head}\r\n{"t":1,"frame":"x"}\r\n`).records).toEqual([{ kind: 'frame', t: 1, frame: 'x' }]);
    expect(decodeReplay(`${head}\n{"t":1,"frame":"x"}`).records).toHaveLength(1);
  });

  it.each([
    ['', 'E_REPLAY_FORMAT replay line 1: empty file: the header line is missing'],
    ['{"t":1,"frame":"x"}\n', 'E_REPLAY_FORMAT replay line 1: unknown header key \'t\''],
    ['{"format":"other","version":1,"venue":"binance","market":"spot"}\n', 'E_REPLAY_FORMAT replay line 1: not a replay header: "format" must be "shadow-exec-replay"'],
    ['{"format":"shadow-exec-replay","version":3,"venue":"binance","market":"spot"}\n', 'E_REPLAY_FORMAT replay line 1: unsupported version 3 (this build reads 1 and 2)'],
    ['{"format":"shadow-exec-replay","version":2,"venue":"binance","market":"spot"}\n', 'E_REPLAY_FORMAT replay line 1: "data" must be "frames" or "normalized" in a version 2 header'],
    ['{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot","data":"frames"}\n', 'E_REPLAY_FORMAT replay line 1: "data" needs "version":2'],
    ['{"format":"shadow-exec-replay","version":1,"venue":"bybit","market":"spot","url":5}\n', 'E_REPLAY_FORMAT replay line 1: "url" must be a string'],
  ])('refuses the header of %j', (text, expected) => {
    expect(messageOf(() => decodeReplay(text))).toBe(expected);
  });

  /** The venues a replay may name, as the registry's venue modules give them (src/app/compose-replay.ts replayVenueTable). */
  const VENUES = new Map([
    ['binance', ['spot', 'usdm']],
    ['bybit', ['spot', 'linear']],
  ]);

  it.each([
    ['{"format":"shadow-exec-replay","version":1,"venue":"kraken","market":"spot"}', 'E_REPLAY_FORMAT replay line 1: "venue" must be one of binance, bybit'],
    ['{"format":"shadow-exec-replay","version":1,"venue":"toString","market":"spot"}', 'E_REPLAY_FORMAT replay line 1: "venue" must be one of binance, bybit'],
    ['{"format":"shadow-exec-replay","version":1,"venue":"bybit","market":"usdm"}', 'E_REPLAY_FORMAT replay line 1: "market" for bybit must be one of spot, linear'],
  ])('checkReplayVenue refuses the venue or market of %j', (line, expected) => {
    expect(messageOf(() => checkReplayVenue(decodeReplayHeader(line), VENUES))).toBe(expected);
  });

  it('checkReplayVenue accepts a venue and one of its markets', () => {
    expect(() => checkReplayVenue(decodeReplayHeader('{"format":"shadow-exec-replay","version":1,"venue":"bybit","market":"linear"}'), VENUES)).not.toThrow();
  });

  it.each([
    ['{"t":1,"frame":"x"', 'replay line 3: not valid JSON'],
    ['[1,2]', 'replay line 3: not a JSON object'],
    ['{"t":-1,"frame":"x"}', 'replay line 3: "t" must be a non-negative integer (receive time in ms), got -1'],
    ['{"t":1.5,"frame":"x"}', 'replay line 3: "t" must be a non-negative integer (receive time in ms), got 1.5'],
    ['{"t":"1","frame":"x"}', 'replay line 3: "t" must be a non-negative integer (receive time in ms), got "1"'],
    ['{"t":9000000000000000,"frame":"x"}', 'replay line 3: "t" 9000000000000000 is after 253402300799999 (9999-12-31T23:59:59.999Z): not a receive time in ms'],
    ['{"t":253402300800000,"frame":"x"}', 'replay line 3: "t" 253402300800000 is after 253402300799999 (9999-12-31T23:59:59.999Z): not a receive time in ms'],
    ['{"t":1e300,"frame":"x"}', 'replay line 3: "t" must be a non-negative integer (receive time in ms), got 1e+300'],
    ['{"t":[[1]],"frame":"x"}', 'replay line 3: "t" must be a non-negative integer (receive time in ms), got an array of 1 item'],
    [`{"t":1,"rest":"GET /${'x'.repeat(50)} ","body":""}`, `replay line 3: "rest" must be "GET /<path>", got "GET /${'x'.repeat(35)}"… (56 characters)`],
    ['{"t":1,"frame":{"a":1}}', 'replay line 3: a record is {"t","frame"} or {"t","rest","body"} with string values; got keys t,frame'],
    ['{"t":1,"frame":"x","extra":1}', 'replay line 3: a record is {"t","frame"} or {"t","rest","body"} with string values; got keys t,frame,extra'],
    ['{"t":1,"rest":"POST /api/v3/order","body":""}', 'replay line 3: "rest" must be "GET /<path>", got "POST /api/v3/order"'],
    ['{"t":1,"rest":"GET /x"}', 'replay line 3: a record is {"t","frame"} or {"t","rest","body"} with string values; got keys t,rest'],
    ['{"t":4,"frame":"x"}', 'replay line 3: "t" 4 is before the previous record\'s 5'],
  ])('refuses the record %j and names its line', (line, expected) => {
    expect(messageOf(() => decodeReplay(`${head}\n{"t":5,"frame":"a"}\n${line}\n`))).toBe(`E_REPLAY_FORMAT ${expected}`);
  });

  it('property: a canonical frame line (fast path) decodes as the same record in any other key order or spacing (JSON.parse path)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_RECORD_T }), fc.string({ unit: 'binary', maxLength: 30 }), (t, text) => {
        const record: ReplayRecord = { kind: 'frame', t, frame: text };
        const line = encodeReplayRecord(record);
        expect(decodeReplayRecord(line, 2)).toEqual(record);
        expect(decodeReplayRecord(`{"frame":${JSON.stringify(text)},"t":${t}}`, 2)).toEqual(record);
        expect(decodeReplayRecord(` ${line}`, 2)).toEqual(record);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('accepts the last receive time of year 9999', () => {
    expect(decodeReplay(`${head}\n{"t":253402300799999,"frame":"x"}\n`).records).toEqual([{ kind: 'frame', t: MAX_RECORD_T, frame: 'x' }]);
    expect(MAX_RECORD_T).toBe(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
  });

  it('refuses a header whose version is a 20,000-deep array, an array or an object, or whose unknown key is huge, without serialising it', () => {
    const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    const tooDeep = `E_REPLAY_FORMAT replay line 1: arrays or objects nested deeper than ${MAX_LINE_DEPTH} levels: not a replay header or record (every value of one is a string or a number)`;
    expect(messageOf(() => decodeReplay(`{"format":"shadow-exec-replay","version":${deep(20_000)},"venue":"bybit","market":"linear"}\n`))).toBe(tooDeep);
    expect(messageOf(() => decodeReplay(`{"format":"shadow-exec-replay","version":${deep(MAX_LINE_DEPTH)},"venue":"bybit","market":"linear"}\n`))).toBe(tooDeep);
    expect(messageOf(() => decodeReplay(`{"format":"shadow-exec-replay","version":${deep(MAX_LINE_DEPTH - 1)},"venue":"bybit","market":"linear"}\n`))).toBe('E_REPLAY_FORMAT replay line 1: unsupported version an array of 1 item (this build reads 1 and 2)');
    expect(messageOf(() => decodeReplay(`{"format":"shadow-exec-replay","version":{"a":[1]},"venue":"bybit","market":"linear"}\n`))).toBe('E_REPLAY_FORMAT replay line 1: unsupported version an object (this build reads 1 and 2)');
    // Brackets inside strings do not nest.
    expect(decodeReplayRecord(`{"t":1,"frame":"${'['.repeat(100)}"}`, 2)).toEqual({ kind: 'frame', t: 1, frame: '['.repeat(100) });
    expect(decodeReplayRecord(`{"frame":"\\"${'['.repeat(100)}","t":1}`, 2)).toEqual({ kind: 'frame', t: 1, frame: `"${'['.repeat(100)}` });
    expect(messageOf(() => decodeReplay(`{"${'k'.repeat(1000)}":1}\n`))).toBe(`E_REPLAY_FORMAT replay line 1: unknown header key "${'k'.repeat(40)}"… (1000 characters)`);
  });

  it('refuses a blank line inside the file', () => {
    expect(messageOf(() => decodeReplay(`${head}\n\n{"t":5,"frame":"a"}\n`))).toBe('E_REPLAY_FORMAT replay line 2: blank line inside the file');
  });

  it('decodes line by line with ReplayDecoder: header, records, then null for the final empty line', () => {
    const decoder = new ReplayDecoder();
    expect(decoder.next(head)).toEqual(HEADER);
    expect(decoder.next('{"t":7,"frame":"a"}')).toEqual({ kind: 'frame', t: 7, frame: 'a' });
    expect(decoder.next('{"t":7,"frame":"b"}')).toEqual({ kind: 'frame', t: 7, frame: 'b' });
    expect(decoder.next('')).toBeNull();
  });

  it('decodes a header line on its own', () => {
    expect(decodeReplayHeader(head)).toEqual(HEADER);
  });
});

describe('ReplayDecoder on a normalized file', () => {
  const head = '{"format":"shadow-exec-replay","version":2,"venue":"binance","market":"usdm","data":"normalized"}';
  const lines = [
    '{"t":1700000000001,"type":"book_update","symbol":"BTCUSDT","exchange_us":1700000000000834,"local_us":1700000000001234,"is_snapshot":true,"bids":[["95000.1","1.5"]],"asks":[["95000.2","0.300"]]}',
    '{"t":1700000000001,"type":"book_snapshot","symbol":"BTCUSDT","exchange_us":1700000000000834,"local_us":1700000000001234,"bids":[],"asks":[["95000.2","0"]]}',
    '{"t":1700000000002,"type":"trade","symbol":"BTCUSDT","exchange_us":1700000000001834,"local_us":1700000000002234,"id":"4012345","side":"buy","price":"95000.2","size":"0.010"}',
    '{"t":1700000000002,"type":"quote","symbol":"BTCUSDT","exchange_us":1,"local_us":1700000000002234,"bid_price":"95000.1","bid_size":"1.5","ask_price":null,"ask_size":null}',
    '{"t":1700000000003,"type":"trade","symbol":"BTCUSDT","exchange_us":1,"local_us":1700000000003000,"id":"é","side":"sell","price":"1","size":"1"}',
  ];
  /** The outcome of one line: the record (a packed book record as its plain object) or the error message. */
  const outcome = (decode: () => unknown): unknown => {
    try {
      const item = decode() as { kind?: string; record?: unknown } | null;
      if (item === null || item.kind !== 'normalized') return item;
      const { record } = item;
      return { ...item, record: record instanceof ScannedBookRecord ? plainBookRecord(record) : record };
    } catch (error) {
      expect(error).toBeInstanceOf(ShadowExecError);
      return (error as Error).message;
    }
  };

  it('reads the lines from bytes as next() reads their text, with the same errors (mutated lines, CRLF, a t going back)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...lines), fc.nat(), fc.integer({ min: 0, max: 0xff }), fc.constantFrom('keep', 'replace', 'insert', 'crlf')), { minLength: 1, maxLength: 6 }), (picks) => {
        const byText = new ReplayDecoder('f');
        const byBytes = new ReplayDecoder('f');
        const checking = new ReplayDecoder('f', false);
        for (const decoder of [byText, byBytes, checking]) decoder.next(head);
        for (const [line, at, byte, how] of picks) {
          const k = at % line.length;
          const raw = Buffer.from(line, 'utf8');
          const bytes =
            how === 'keep' ? raw : how === 'crlf' ? Buffer.concat([raw, Buffer.from('\r')]) : how === 'replace' ? Buffer.concat([raw.subarray(0, k), Buffer.from([byte]), raw.subarray(k + 1)]) : Buffer.concat([raw.subarray(0, k), Buffer.from([byte]), raw.subarray(k)]);
          const framed = Buffer.concat([Buffer.from('#'), bytes, Buffer.from('#')]);
          const expected = outcome(() => byText.next(bytes.toString('utf8')));
          expect(outcome(() => byBytes.nextBytes(framed, 1, framed.length - 1))).toEqual(expected);
          // The validating scan gives the same t, or the same error.
          const checked = outcome(() => checking.nextBytes(framed, 1, framed.length - 1));
          if (typeof expected === 'string' || expected === null) expect(checked).toEqual(expected);
          else expect(checked).toMatchObject({ kind: 'normalized', t: (expected as { t: number }).t });
        }
      }),
      { numRuns: 800 },
    );
  });
});
