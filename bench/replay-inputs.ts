// Replay files a user would replay, written deterministically (LCG, no wall clock in the data) for the replay path bench: Binance bookTicker, Binance diff depth, Bybit orderbook.50 deltas (each with trades), and a tardis incremental_book_L2 CSV for the normalized import.
//
// Every generator writes line by line in 4 MiB batches until the file holds `records` records, so memory stays small
// whatever the size. Each sample carries the `run` arguments a user would type for it (instruments, symbols) without
// --feed/--out, which the bench adds.
import { closeSync, openSync, writeSync } from 'node:fs';
import { generateReplayFile } from './replay-file-bench.js';

const MIB = 1024 * 1024;
const START = 1_700_000_000_000;

/** Deterministic integer stream (LCG, Numerical Recipes constants). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
}

/** Writes lines (each ended by "\n") in 4 MiB batches. */
class LineWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private chars = 0;
  bytes = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line(text: string): void {
    this.pending.push(text, '\n');
    this.chars += text.length + 1;
    if (this.chars >= 4 * MIB) this.flush();
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
  private flush(): void {
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    writeSync(this.fd, chunk);
    this.bytes += chunk.length;
    this.pending = [];
    this.chars = 0;
  }
}

const BINANCE_SPOT_HEADER = (streams: string): string => JSON.stringify({ format: 'shadow-exec-replay', version: 1, venue: 'binance', market: 'spot', url: `wss://stream.binance.com:9443/stream?streams=${streams}`, source: 'shadow-exec bench (synthesised)' });
/** NKNUSDT on its 2021 grid (test/fixtures/replay/binance-spot-nknusdt-exchange-info.json): tick 0.00001, lot 0.1. */
const nkn = (ticks: number): string => (ticks / 100_000).toFixed(8);
const nknQty = (lots: number): string => (lots / 10).toFixed(8);
const NKN_ARGS = ['--exchange', 'binance', '--instruments', 'test/fixtures/replay/binance-spot-nknusdt-exchange-info.json', '--symbols', 'NKNUSDT', '--spread-bps', '14', '--edge-threshold', '-100'];

/** A random walk of the mid in ticks, ±1 tick a step at most, kept inside [lo, hi]. */
function walk(next: () => number, start: number, lo: number, hi: number): () => number {
  let mid = start;
  return () => {
    const step = (next() % 3) - 1;
    mid = Math.min(hi, Math.max(lo, mid + step));
    return mid;
  };
}

function aggTrade(next: () => number, id: number, t: number, mid: number): string {
  const buyerMaker = next() % 2 === 0;
  const price = buyerMaker ? mid - 1 - (next() % 3) : mid + 1 + (next() % 3);
  return JSON.stringify({ stream: 'nknusdt@aggTrade', data: { e: 'aggTrade', E: t + 5, s: 'NKNUSDT', a: id, p: nkn(price), q: nknQty(10 + (next() % 20_000)), f: id * 2, l: id * 2, T: t + 5, m: buyerMaker, M: true } });
}

export interface ReplaySample {
  readonly label: string;
  readonly records: number;
  readonly bytes: number;
  /** `run` arguments without --feed, --out, --quiet. */
  readonly args: readonly string[];
}

/** Binance spot NKNUSDT bookTicker frames (the capture's shape), an aggTrade every 8th record. */
export function writeBookTickerFile(path: string, records: number): ReplaySample {
  const next = lcg(21);
  const mid = walk(next, 35_240, 30_000, 40_000);
  const out = new LineWriter(path);
  out.line(BINANCE_SPOT_HEADER('nknusdt@bookTicker/nknusdt@aggTrade'));
  let u = 499_869_768;
  for (let i = 1; i <= records; i++) {
    const t = START + i;
    const m = mid();
    const frame = i % 8 === 0
      ? aggTrade(next, 15_683_430 + i, t, m)
      : JSON.stringify({ stream: 'nknusdt@bookTicker', data: { u: u++, s: 'NKNUSDT', b: nkn(m - 1 - (next() % 2)), B: nknQty(1 + (next() % 40_000)), a: nkn(m + 1 + (next() % 2)), A: nknQty(1 + (next() % 40_000)) } });
    out.line(JSON.stringify({ t, frame }));
  }
  out.close();
  return { label: 'binance bookTicker + aggTrade (NKNUSDT spot)', records, bytes: out.bytes, args: NKN_ARGS };
}

/** Binance spot NKNUSDT: a REST depth snapshot, then depth@100ms diffs (3 bid + 3 ask levels near the top, a fifth removals, and the levels the mid has passed removed) with U/u chained, an aggTrade every 8th record. */
export function writeDiffDepthFile(path: string, records: number): ReplaySample {
  const next = lcg(22);
  const mid = walk(next, 35_240, 30_000, 40_000);
  const out = new LineWriter(path);
  out.line(BINANCE_SPOT_HEADER('nknusdt@depth@100ms/nknusdt@aggTrade'));
  let u = 499_869_752;
  const bids = Array.from({ length: 100 }, (_, d) => [nkn(35_239 - d), nknQty(1 + (next() % 40_000))]);
  const asks = Array.from({ length: 100 }, (_, d) => [nkn(35_241 + d), nknQty(1 + (next() % 40_000))]);
  out.line(JSON.stringify({ t: START, rest: 'GET /api/v3/depth?symbol=NKNUSDT&limit=1000', body: JSON.stringify({ lastUpdateId: u, bids, asks }) }));
  for (let i = 1; i <= records - 1; i++) {
    const t = START + i;
    const m = mid();
    let frame: string;
    if (i % 8 === 0) {
      frame = aggTrade(next, 15_683_430 + i, t, m);
    } else {
      const level = (side: 1 | -1): [string, string] => [nkn(m + side * (1 + (next() % 6))), next() % 5 === 0 ? '0.00000000' : nknQty(1 + (next() % 40_000))];
      const first = u + 1;
      u += 1 + (next() % 3);
      // The mid moves at most 2 ticks between two diffs: zeroing bids at m..m+2 and asks at m-2..m removes every level
      // the mid has passed, so the book never crosses (a crossed book would leave the replay unsynced, measuring little).
      const gone = (ticks: number): [string, string] => [nkn(ticks), '0.00000000'];
      frame = JSON.stringify({ stream: 'nknusdt@depth@100ms', data: { e: 'depthUpdate', E: t + 5, s: 'NKNUSDT', U: first, u, b: [gone(m + 2), gone(m + 1), gone(m), level(-1), level(-1), level(-1)], a: [gone(m - 2), gone(m - 1), gone(m), level(1), level(1), level(1)] } });
    }
    out.line(JSON.stringify({ t, frame }));
  }
  out.close();
  return { label: 'binance diff depth + aggTrade (NKNUSDT spot)', records, bytes: out.bytes, args: NKN_ARGS };
}

/** Bybit linear BTCUSDT orderbook.50 (one snapshot, then deltas) with a publicTrade every 8th record: replay-file-bench.ts's file, sized by records. */
export function writeBybitDeltaFile(path: string, records: number): ReplaySample {
  // ~470 bytes a record: the generator is sized in MiB.
  const written = generateReplayFile(path, Math.max(1, Math.round((records * 470) / MIB)));
  return { label: 'bybit orderbook.50 deltas + publicTrade (BTCUSDT linear)', records: written.records, bytes: written.bytes, args: ['--exchange', 'bybit', '--category', 'linear', '--symbols', 'BTCUSDT'] };
}

/**
 * A tardis.dev binance-futures BTCUSDT incremental_book_L2 CSV (one 20-level snapshot group, then groups of 6 level
 * rows 100 µs apart, a sixth removals) and a trades CSV (one trade every 8th group), for `import tardis`.
 */
export function writeTardisCsvs(l2Path: string, tradesPath: string, groups: number): void {
  const next = lcg(18);
  const T0 = 1_709_251_200_000_000;
  const midStart = 620_000;
  const mid = walk(next, midStart, midStart - 2_000, midStart + 2_000);
  const px = (ticks: number): string => (ticks / 10).toFixed(1);
  const l2 = new LineWriter(l2Path);
  const trades = new LineWriter(tradesPath);
  l2.line('exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount');
  trades.line('exchange,symbol,timestamp,local_timestamp,id,side,price,amount');
  for (let i = 0; i < 10; i++) {
    l2.line(`binance-futures,BTCUSDT,${T0},${T0 + 900},true,bid,${px(midStart - 1 - i)},1.000`);
    l2.line(`binance-futures,BTCUSDT,${T0},${T0 + 900},true,ask,${px(midStart + 1 + i)},1.000`);
  }
  for (let g = 1; g < groups; g++) {
    const ts = T0 + 1_000 + g * 100;
    const m = mid();
    if (g % 8 === 0) {
      const buy = next() % 2 === 0;
      trades.line(`binance-futures,BTCUSDT,${ts - 60},${ts - 10},${4_000_000_000 + g},${buy ? 'buy' : 'sell'},${px(buy ? m + 1 : m - 1)},${((1 + (next() % 500)) / 1000).toFixed(3)}`);
    }
    for (let k = 0; k < 6; k++) {
      const bid = k < 3;
      const off = 1 + (next() % 10);
      const size = next() % 6 === 0 ? '0.000' : ((1 + (next() % 5000)) / 1000).toFixed(3);
      l2.line(`binance-futures,BTCUSDT,${ts - 40},${ts},false,${bid ? 'bid' : 'ask'},${px(bid ? m - off : m + off)},${size}`);
    }
  }
  l2.close();
  trades.close();
}

/** `run` arguments of the normalized import's replay. */
export const NORMALIZED_ARGS: readonly string[] = ['--exchange', 'binance', '--market', 'usdm', '--symbols', 'BTCUSDT', '--spread-bps', '10'];
