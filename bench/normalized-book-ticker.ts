// Bench stand-in for a frames → normalized converter: a Binance bookTicker + aggTrade frames replay (replay-inputs.ts) rewritten as normalized quote and trade records (JSONL), so its binary conversion can be replayed against the JSON.parse-only pass over the frames file.
//
// Only for the bench's synthesised file (bookTicker and aggTrade frames of one symbol, no REST records): a quote per
// bookTicker, a trade per aggTrade (taker sell when the buyer is the maker), receive time t ms → local_us, the trade
// time as exchange_us (= local_us for bookTicker, which has no event time on spot).
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { encodeNormalizedRecord, type NormalizedRecord } from '../src/feeds/replay/normalized-record.js';
import { encodeReplayHeader, NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT } from '../src/feeds/replay/replay-format.js';

interface BookTicker {
  readonly s: string;
  readonly b: string;
  readonly B: string;
  readonly a: string;
  readonly A: string;
}
interface AggTrade {
  readonly e: 'aggTrade';
  readonly s: string;
  readonly a: number;
  readonly p: string;
  readonly q: string;
  readonly T: number;
  readonly m: boolean;
}

/** Writes the normalized records of the frames file `frames` to `out`; returns their count. */
export function normalizeBookTickerFrames(frames: string, out: string): number {
  const lines = readFileSync(frames, 'utf8').split('\n');
  const fd = openSync(out, 'w');
  let records = 0;
  const pending: string[] = [`${encodeReplayHeader({ format: REPLAY_FORMAT, version: NORMALIZED_REPLAY_VERSION, venue: 'binance', market: 'spot', data: 'normalized', source: 'shadow-exec bench (bookTicker frames normalized)' })}\n`];
  const flush = (): void => {
    writeSync(fd, pending.join(''));
    pending.length = 0;
  };
  try {
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      const { t, frame } = JSON.parse(line) as { t: number; frame: string };
      const data = (JSON.parse(frame) as { data: BookTicker | AggTrade }).data;
      const local_us = t * 1000;
      const record: NormalizedRecord = 'e' in data
        ? { type: 'trade', symbol: data.s, exchange_us: data.T * 1000, local_us, id: String(data.a), side: data.m ? 'sell' : 'buy', price: data.p, size: data.q }
        : { type: 'quote', symbol: data.s, exchange_us: local_us, local_us, bid_price: data.b, bid_size: data.B, ask_price: data.a, ask_size: data.A };
      pending.push(`${encodeNormalizedRecord(record)}\n`);
      records++;
      if (pending.length >= 16_384) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return records;
}
