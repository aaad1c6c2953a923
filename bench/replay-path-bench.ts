// A user's replay, measured whole: `run --feed replay:FILE` in this process (open, stream, decode, parse, book, loop, trade-through fills, report) against a JSON.parse-only streaming pass over the same file, alternated in the same process.
//
// The JSON.parse-only pass is the least a reader of the file must do to see its data: read it in 1 MiB chunks, split
// the lines, JSON.parse every line, and JSON.parse the venue text a frame or rest record holds (normalized records are
// one JSON text: one parse). Nothing else — no validation, no book, no loop. The ratio is pass time / replay time
// (≥ 1: the whole replay costs no more than parsing the file with JSON.parse).
// Figures are CPU time (process.cpuUsage, user + system: the machine may be shared) and wall-clock, each the median
// over `rounds` alternated pairs, with the range of the per-pair CPU ratios.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../src/cli/main.js';
import { median, verdict } from './cpu-run.js';
import { writeTardisDeepCsvs } from './tardis-deep-book-input.js';
import { NORMALIZED_ARGS, writeBookTickerFile, writeBybitDeltaFile, writeDiffDepthFile, writeTardisCsvs, type ReplaySample } from './replay-inputs.js';

const MIB = 1024 * 1024;
export type SampleName = 'book-ticker' | 'diff-depth' | 'bybit-delta' | 'normalized' | 'normalized-deep' | 'binary' | 'binary-book-ticker' | 'binary-diff-depth';

export interface ReplayPathFigures {
  readonly label: string;
  readonly records: number;
  readonly fileMb: number;
  readonly target: number;
  /** Records per CPU second: the JSON.parse-only pass and the replay (medians). */
  readonly parseRecordsPerCpuSec: number;
  readonly replayRecordsPerCpuSec: number;
  /** Replay records per wall-clock second (median). */
  readonly replayRecordsPerWallSec: number;
  /** Median, min and max of the per-pair CPU ratios (parse CPU / replay CPU), and the median wall ratio. */
  readonly ratio: number;
  readonly ratioMin: number;
  readonly ratioMax: number;
  readonly wallRatio: number;
}

/** The JSON.parse-only streaming pass; returns a count so the work stays observable. */
export function jsonParsePass(path: string): number {
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(MIB);
  let carry = '';
  let values = 0;
  const line = (text: string): void => {
    if (text === '') return;
    const value = JSON.parse(text) as { frame?: string; body?: string };
    values++;
    if (typeof value.frame === 'string') values += JSON.parse(value.frame) === null ? 0 : 1;
    else if (typeof value.body === 'string') values += JSON.parse(value.body) === null ? 0 : 1;
  };
  try {
    for (let position = 0; ; ) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) break;
      position += read;
      let start = 0;
      for (let nl = chunk.indexOf(10, 0); nl >= 0 && nl < read; nl = chunk.indexOf(10, start)) {
        const text = chunk.toString('utf8', start, nl);
        line(carry === '' ? text : carry + text);
        carry = '';
        start = nl + 1;
      }
      carry += chunk.toString('utf8', start, read);
    }
    line(carry);
  } finally {
    closeSync(fd);
  }
  return values;
}

const discard = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

/** One `run` of the file in this process, as the CLI runs it; throws when it fails. */
async function replayRun(args: readonly string[], file: string, report: string): Promise<void> {
  let errors = '';
  const stderr = new Writable({ write: (chunk: Buffer, _encoding, done) => { errors += chunk.toString('utf8'); done(); } });
  const code = await runCli(['run', ...args, '--feed', `replay:${file}`, '--quiet', '--out', report], { stdout: discard(), stderr, env: {} });
  if (code !== 0) throw new Error(`replay of ${file} failed (exit ${code}): ${errors.slice(0, 400)}`);
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** `file` is both replayed and parsed, unless `replayFile` (its binary conversion) is the one replayed. */
async function measure(sample: ReplaySample, file: string, report: string, target: number, rounds: number, replayFile = file): Promise<ReplayPathFigures> {
  // Warm-up: JIT for both sides.
  jsonParsePass(file);
  await replayRun(sample.args, replayFile, report);
  const parseCpu: number[] = [];
  const replayCpu: number[] = [];
  const parseWall: number[] = [];
  const replayWall: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let cpu = cpuNow();
    let wall = process.hrtime.bigint();
    jsonParsePass(file);
    parseCpu.push(cpuNow() - cpu);
    parseWall.push(Number(process.hrtime.bigint() - wall));
    cpu = cpuNow();
    wall = process.hrtime.bigint();
    await replayRun(sample.args, replayFile, report);
    replayCpu.push(cpuNow() - cpu);
    replayWall.push(Number(process.hrtime.bigint() - wall));
    ratios.push(parseCpu[round]! / replayCpu[round]!);
  }
  const n = sample.records;
  return {
    label: sample.label,
    records: n,
    fileMb: sample.bytes / MIB,
    target,
    parseRecordsPerCpuSec: n / (median(parseCpu) / 1e6),
    replayRecordsPerCpuSec: n / (median(replayCpu) / 1e6),
    replayRecordsPerWallSec: n / (median(replayWall) / 1e9),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    wallRatio: median(parseWall) / median(replayWall),
  };
}

/**
 * Writes the five samples (`records` records each) in a temp dir, imports the tardis CSVs with `import tardis`, and
 * measures each replay against its JSON.parse-only pass. Repository root = cwd (the instruments file is relative).
 */
export async function measureReplayPaths(records: number, rounds = 5, only: ReadonlySet<SampleName> | null = null): Promise<ReplayPathFigures[]> {
  const wanted = (name: SampleName): boolean => only === null || only.has(name);
  const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-replay-path-'));
  const report = join(dir, 'report.json');
  try {
    const figures: ReplayPathFigures[] = [];
    const frames = [
      ['book-ticker', writeBookTickerFile],
      ['diff-depth', writeDiffDepthFile],
      ['bybit-delta', writeBybitDeltaFile],
    ] as const;
    for (const [name, write] of frames) {
      if (!wanted(name)) continue;
      const file = join(dir, `${name}.jsonl`);
      figures.push(await measure(write(file, records), file, report, 1, rounds));
      rmSync(file);
    }
    if (wanted('normalized')) figures.push(await measure(await importTardis(dir, records), join(dir, 'tardis.jsonl'), report, 0.75, rounds));
    if (wanted('normalized-deep')) figures.push(await measure(await importTardis(dir, records, 'deep'), join(dir, 'tardis.jsonl'), report, 0.75, rounds));
    // The Binance frames samples, normalized and converted to binary by `convert` (the venue's own parser and book
    // sync: frames-as-normalized.ts), against the JSON.parse-only pass over the frames file: the raw-frame replay's
    // target, met through the binary encoding.
    const binaryFrames = [
      ['binary-book-ticker', writeBookTickerFile],
      ['binary-diff-depth', writeDiffDepthFile],
    ] as const;
    for (const [name, write] of binaryFrames) {
      if (!wanted(name)) continue;
      const frames = join(dir, `${name}.jsonl`);
      const sample = write(frames, records);
      figures.push(await measureBinaryReplay({ ...sample, label: `${sample.label} normalized by convert, as binary, vs the frames' JSON.parse-only pass` }, frames, dir, report, rounds, frames, NKN_CONVERT_ARGS));
      rmSync(frames);
    }
    if (wanted('binary')) {
      const sample = await importTardis(dir, records);
      figures.push(await measureBinaryReplay({ ...sample, label: 'normalized L2 + trades as binary (import tardis, then convert to .bin)' }, join(dir, 'tardis.jsonl'), dir, report, rounds));
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `convert` options for the NKNUSDT frames samples (replay-inputs.ts): the instruments they are on. */
const NKN_CONVERT_ARGS = ['--instruments', 'test/fixtures/replay/binance-spot-nknusdt-exchange-info.json', '--symbols', 'NKNUSDT'];

/**
 * A replay (`jsonl`, described by `sample`: normalized JSONL, or frames with `convertArgs`) converted to binary with `convert` in `dir`, the binary
 * replayed (`run --feed replay:FILE.bin`) against the JSON.parse-only pass over `parseFile` (default: the JSONL it came
 * from; the raw-frame file it was normalized from, for a frames replay's target): target ≥ 1.0×. Any normalized JSONL
 * works.
 */
export async function measureBinaryReplay(sample: ReplaySample, jsonl: string, dir: string, report: string, rounds: number, parseFile = jsonl, convertArgs: readonly string[] = []): Promise<ReplayPathFigures> {
  const bin = join(dir, 'replay.bin');
  let errors = '';
  const stderr = new Writable({ write: (chunk: Buffer, _encoding, done) => { errors += chunk.toString('utf8'); done(); } });
  const code = await runCli(['convert', jsonl, '--out', bin, ...convertArgs], { stdout: discard(), stderr, env: {} });
  if (code !== 0) throw new Error(`convert ${jsonl} failed (exit ${code}): ${errors.slice(0, 400)}`);
  try {
    const figures = await measure(sample, parseFile, report, 1, rounds, bin);
    return { ...figures, label: `${figures.label}; ${(statSync(bin).size / MIB).toFixed(1)} MiB binary` };
  } finally {
    rmSync(bin, { force: true });
  }
}

/**
 * `import tardis` of about `records` records' worth of CSV (groups of 6 level rows, a trade every 8th group): the
 * shallow book of replay-inputs.ts, or the deep one of tardis-deep-book-input.ts (1000 levels a side).
 */
async function importTardis(dir: string, records: number, book: 'shallow' | 'deep' = 'shallow'): Promise<ReplaySample> {
  const l2 = join(dir, 'binance-futures_incremental_book_L2_2024-03-01_BTCUSDT.csv');
  const trades = join(dir, 'binance-futures_trades_2024-03-01_BTCUSDT.csv');
  const out = join(dir, 'tardis.jsonl');
  (book === 'deep' ? writeTardisDeepCsvs : writeTardisCsvs)(l2, trades, Math.round((records * 8) / 9));
  let errors = '';
  const stderr = new Writable({ write: (chunk: Buffer, _encoding, done) => { errors += chunk.toString('utf8'); done(); } });
  const code = await runCli(['import', 'tardis', l2, trades, '--out', out], { stdout: discard(), stderr, env: {} });
  if (code !== 0) throw new Error(`import tardis failed (exit ${code}): ${errors.slice(0, 400)}`);
  const lines = countLines(out);
  const label = book === 'deep' ? 'normalized L2 + trades, deep book (import tardis, 1000 levels a side, updates to 800 deep)' : 'normalized L2 + trades (import tardis, BTCUSDT usdm)';
  return { label, records: lines.lines - 1, bytes: lines.bytes, args: NORMALIZED_ARGS };
}

function countLines(path: string): { lines: number; bytes: number } {
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(MIB);
  let lines = 0;
  let bytes = 0;
  try {
    for (let read = readSync(fd, chunk, 0, MIB, bytes); read > 0; read = readSync(fd, chunk, 0, MIB, bytes)) {
      bytes += read;
      for (let at = chunk.indexOf(10); at >= 0 && at < read; at = chunk.indexOf(10, at + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return { lines, bytes };
}

export function formatReplayPath(f: ReplayPathFigures): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(10);
  return [
    `${f.label}: ${f.records.toLocaleString('en-US')} records, ${f.fileMb.toFixed(1)} MiB`,
    `  JSON.parse-only pass ${n(f.parseRecordsPerCpuSec)} records/CPU-s   replay (run command) ${n(f.replayRecordsPerCpuSec)} records/CPU-s, ${n(f.replayRecordsPerWallSec)} records/s wall`,
    `  ratio ${f.ratio.toFixed(2)}× CPU (range ${f.ratioMin.toFixed(2)}–${f.ratioMax.toFixed(2)}), ${f.wallRatio.toFixed(2)}× wall   ${verdict(`replay ≥ ${f.target.toFixed(2)}× the JSON.parse-only pass (CPU)`, f.ratio >= f.target)}`,
  ].join('\n');
}
