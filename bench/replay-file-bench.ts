// Replay of a file on disk through the real `run` command in a child process: records/s and peak RSS (BENCH_REPLAY_MB sizes the file).
//
// The file is Bybit linear BTCUSDT, synthesised deterministically (LCG, no wall clock in the data): one
// 50-level orderbook snapshot, then orderbook.50 deltas (5 bid + 7 ask levels, a fifth removals) with a
// publicTrade frame every 8th record, one record per ms, written line by line until it holds `megabytes`
// MiB. The child (replay-file-child.ts) runs `run --exchange bybit --feed replay:FILE --quiet --out …`
// in-process and prints its wall time and process.resourceUsage().maxRSS, so the figures cover
// reading, decoding, parsing, books and the loop, and the peak memory of the whole process.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIB = 1024 * 1024;
const START = 1_700_000_000_000;
const HEADER = '{"format":"shadow-exec-replay","version":1,"venue":"bybit","market":"linear","source":"shadow-exec bench (synthesised)"}';

export interface ReplayFileFigures {
  readonly fileMb: number;
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
  readonly peakRssMb: number;
  /** The child's exit code and, when it failed, the last line of its stderr. */
  readonly exitCode: number;
  readonly error: string | null;
}

/** Deterministic integer stream (LCG, Numerical Recipes constants). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
}

/** Writes the sample replay file of at least `megabytes` MiB to `path`; returns its record count and size in bytes. */
export function generateReplayFile(path: string, megabytes: number): { records: number; bytes: number } {
  const next = lcg(50);
  const midTicks = 302_480; // 30248.0 on the 0.1 tick
  const price = (ticks: number): string => (ticks / 10).toFixed(2);
  const qty = (lots: number): string => (lots / 1000).toFixed(3);
  const level = (side: 1 | -1, depth: number): [string, string] => [price(midTicks + side * (1 + depth)), next() % 5 === 0 ? '0' : qty(1 + (next() % 30_000))];
  const levels = (side: 1 | -1, count: number): [string, string][] => Array.from({ length: count }, () => level(side, next() % 10));
  const book = (type: 'snapshot' | 'delta', b: [string, string][], a: [string, string][], u: number, t: number): string =>
    JSON.stringify({ topic: 'orderbook.50.BTCUSDT', type, ts: t - 7, data: { s: 'BTCUSDT', b, a, u, seq: 66_544_703_342 + u }, cts: t - 9 });
  const trade = (u: number, t: number): string => {
    const side = next() % 2 === 0 ? 'Buy' : 'Sell';
    const ticks = midTicks + (side === 'Buy' ? 1 + (next() % 3) : -1 - (next() % 3));
    return JSON.stringify({ topic: 'publicTrade.BTCUSDT', type: 'snapshot', ts: t - 7, data: [{ T: t - 8, s: 'BTCUSDT', S: side, v: qty(1 + (next() % 2_000)), p: price(ticks), L: 'PlusTick', i: `bench-${u}`, BT: false }] });
  };
  const full = (side: 1 | -1): [string, string][] => Array.from({ length: 50 }, (_, d) => [price(midTicks + side * (1 + d)), qty(1 + (next() % 30_000))]);
  const target = megabytes * MIB;
  const fd = openSync(path, 'w');
  let bytes = 0;
  let records = 0;
  let pending: string[] = [`${HEADER}\n`];
  let pendingChars = 0;
  const flush = (): void => {
    const chunk = Buffer.from(pending.join(''), 'utf8');
    writeSync(fd, chunk);
    bytes += chunk.length;
    pending = [];
    pendingChars = 0;
  };
  try {
    for (let u = 1; bytes + pendingChars < target; u++) {
      const t = START + u;
      const frame = u === 1 ? book('snapshot', full(-1), full(1), u, t) : u % 8 === 0 ? trade(u, t) : book('delta', levels(-1, 5), levels(1, 7), u, t);
      const line = `${JSON.stringify({ t, frame })}\n`;
      pending.push(line);
      pendingChars += line.length; // ASCII only: characters are bytes
      records++;
      if (pendingChars >= 4 * MIB) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { records, bytes };
}

export interface ReplayFileOptions {
  /** Repository root holding dist/ (after `npm run build`). @default '.' */
  readonly root?: string;
  /** Child processes replaying the file; the fastest one's time is kept, and the highest peak RSS. @default 1 */
  readonly rounds?: number;
  /** Extra node flags for the child, e.g. ['--max-old-space-size=24'] to prove the heap stays small. */
  readonly nodeArgs?: readonly string[];
}

/**
 * Generates a `megabytes` MiB replay file in a fresh temp dir, replays it in child processes
 * (`node dist/bench/replay-file-child.js`) and removes it.
 */
export function measureReplayFile(megabytes: number, options: ReplayFileOptions = {}): ReplayFileFigures {
  const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-bench-'));
  try {
    const file = join(dir, 'replay.jsonl');
    const { bytes } = generateReplayFile(file, megabytes);
    let best = replayInChild(file, join(dir, 'report.json'), bytes, options);
    for (let round = 1; round < (options.rounds ?? 1) && best.error === null; round++) {
      const figures = replayInChild(file, join(dir, 'report.json'), bytes, options);
      if (figures.error !== null) return figures;
      const peakRssMb = Math.max(figures.peakRssMb, best.peakRssMb);
      best = { ...(figures.seconds < best.seconds ? figures : best), peakRssMb };
    }
    return best;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function replayInChild(file: string, reportPath: string, bytes: number, options: ReplayFileOptions): ReplayFileFigures {
  const child = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(options.root ?? '.', 'dist/bench/replay-file-child.js'), file, reportPath], { encoding: 'utf8', maxBuffer: 16 * MIB });
  const lines = child.stdout.trim().split('\n');
  let result: { records?: number; seconds?: number; maxRssKb?: number; exitCode?: number } = {};
  try {
    result = JSON.parse(lines[lines.length - 1] ?? '{}') as typeof result;
  } catch {
    // The child died before printing (out of memory, a signal): its exit code and stderr say why.
  }
  const exitCode = result.exitCode ?? child.status ?? 1;
  const errLines = child.stderr.trim().split('\n').filter((l) => l !== '');
  const seconds = result.seconds ?? 0;
  const records = result.records ?? 0;
  return {
    fileMb: bytes / MIB,
    records,
    seconds,
    recordsPerSec: seconds > 0 ? records / seconds : 0,
    mbPerSec: seconds > 0 ? bytes / MIB / seconds : 0,
    peakRssMb: (result.maxRssKb ?? 0) / 1024,
    exitCode,
    error: exitCode === 0 ? null : (errLines.find((l) => l.startsWith('error:')) ?? errLines.find((l) => /heap|memory/i.test(l)) ?? `exit ${exitCode}${child.signal === null ? '' : ` (${child.signal})`}`),
  };
}

export function formatReplayFile(r: ReplayFileFigures): string {
  const head = `replay file ${r.fileMb.toFixed(0).padStart(5)} MB (bybit orderbook.50 + trades, run command, child process)`;
  const peak = `peak RSS ${r.peakRssMb.toFixed(0)} MB`;
  if (r.error !== null) return `${head}   FAILED exit ${r.exitCode}: ${r.error}   ${peak}`;
  return `${head}   ${r.records.toLocaleString('en-US')} records  ${r.seconds.toFixed(2)} s  ${Math.round(r.recordsPerSec).toLocaleString('en-US')} records/s  ${r.mbPerSec.toFixed(1)} MB/s   ${peak}`;
}
