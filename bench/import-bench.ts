// Import throughput: `import tardis` on a generated incremental_book_L2 CSV vs a plain split(',') pass over the same bytes in the same process (CPU time and wall time, ratio, target, verdict); the imported file through the replay feed; RSS on a 10 M-row input in a child process.
//
// Both passes read the file through the same ChunkReader (fs.readSync, 1 MiB chunks); the split pass decodes the
// chunks to text, cuts lines and split(',')s each, which is the least a CSV reader does. The ratio is split time /
// import time, of CPU time (process.cpuUsage: user + system), since the bench machine is shared and wall time
// swings with its load; wall time is printed beside it. Best of `rounds`, passes alternated. The import includes
// writing and fsyncing its output; the split pass writes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { buildReplayFeed } from '../src/app/compose-replay.js';
import type { InstrumentSpec } from '../src/core/model/instrument.js';
import { openChunkReader } from '../src/feeds/import/chunk-reader.js';
import { runImport } from '../src/feeds/import/import-run.js';
import { TardisCsvReader } from '../src/feeds/import/tardis-csv-reader.js';
import { verdict } from './cpu-run.js';
import { generateTardisL2 } from './tardis-l2-input.js';

export { generateTardisL2 } from './tardis-l2-input.js';

/** Peak RSS the 10 M-row import must stay under, MB. */
const RSS_TARGET_MB = 200;

export interface ImportFigures {
  readonly rows: number;
  readonly fileMb: number;
  /** Rows per CPU second and per wall second of each pass. */
  readonly splitRowsPerSec: number;
  readonly importRowsPerSec: number;
  readonly splitRowsPerWallSec: number;
  readonly importRowsPerWallSec: number;
  /** import / split pass, CPU time. */
  readonly ratio: number;
  readonly records: number;
  /** Book records of the imported file through the replay feed (records/s). */
  readonly replayRecordsPerSec: number;
  readonly peakRssMb: number;
  /** The big-input run (child process), or null when skipped (rssRows 0). */
  readonly big: BigImport | null;
}

export interface BigImport {
  readonly rows: number;
  readonly records: number;
  readonly seconds: number;
  readonly rssAfterFirstMillionMb: number;
  readonly rssAtEndMb: number;
  readonly maxRssMb: number;
}

const SPEC: InstrumentSpec = { symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.1', lotSize: '0.001', minQty: '0.001', maxQty: '1000', minNotional: '5' };

/** The baseline: the same bytes through the same chunk reader, decoded to text, cut into lines and each line split(','). */
function splitPass(path: string): number {
  const chunks = openChunkReader(path);
  const decoder = new StringDecoder('utf8');
  let fields = 0;
  let carry = '';
  for (let chunk = chunks.next(); chunk !== null; chunk = chunks.next()) {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', start)) {
      fields += text.slice(start, at).split(',').length;
      start = at + 1;
    }
    carry = text.slice(start);
  }
  if (carry !== '') fields += carry.split(',').length;
  chunks.close();
  return fields;
}

/** CPU and wall seconds of `task`. */
async function timed(task: () => unknown): Promise<{ cpu: number; wall: number }> {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  await task();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1e6, wall: Number(process.hrtime.bigint() - wall) / 1e9 };
}

/** The big-input import in a fresh process (its RSS is its own), or null when it failed. */
function bigImport(rows: number, root: string): BigImport | null {
  const child = spawnSync(process.execPath, [join(root, 'dist/bench/import-rss-child.js'), String(rows)], { encoding: 'utf8' });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    return null;
  }
  return JSON.parse(child.stdout) as BigImport;
}

export async function measureImport(rows: number, rounds = 3, rssRows = 10_000_000, root = '.'): Promise<ImportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-import-bench-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const csv = join(dir, 'l2.csv');
    const out = join(dir, 'l2.jsonl');
    generateTardisL2(csv, rows);
    const split = { cpu: Infinity, wall: Infinity };
    const imported = { cpu: Infinity, wall: Infinity };
    let records = 0;
    for (let round = 0; round < rounds; round++) {
      const s = await timed(() => splitPass(csv));
      const i = await timed(async () => {
        const summary = await runImport({
          files: [csv],
          out,
          filter: { symbols: null, fromUs: null, toUs: null },
          readerFor: () => (label) => new TardisCsvReader(label, [{ id: 'binance-futures', venue: 'binance', market: 'usdm' }]),
          source: 'bench',
        });
        records = summary.records;
      });
      split.cpu = Math.min(split.cpu, s.cpu);
      split.wall = Math.min(split.wall, s.wall);
      imported.cpu = Math.min(imported.cpu, i.cpu);
      imported.wall = Math.min(imported.wall, i.wall);
    }
    let replay = Infinity;
    for (let round = 0; round < rounds; round++) {
      const t = process.hrtime.bigint();
      const { feed } = buildReplayFeed(out, [SPEC], { barResolutions: '' });
      while (feed.next() !== null);
      replay = Math.min(replay, Number(process.hrtime.bigint() - t) / 1e9);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return {
      rows,
      fileMb: statSync(csv).size / (1024 * 1024),
      splitRowsPerSec: rows / split.cpu,
      importRowsPerSec: rows / imported.cpu,
      splitRowsPerWallSec: rows / split.wall,
      importRowsPerWallSec: rows / imported.wall,
      ratio: split.cpu / imported.cpu,
      records,
      replayRecordsPerSec: records / replay,
      peakRssMb: peakRss / (1024 * 1024),
      big: rssRows > 0 ? bigImport(rssRows, root) : null,
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatImport(f: ImportFigures): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const lines = [
    `import tardis incremental_book_L2: ${n(f.rows)} rows (${f.fileMb.toFixed(1)} MiB) → ${n(f.records)} records; best of 3, CPU time (wall time in brackets)`,
    `  split(',') pass ${n(f.splitRowsPerSec).padStart(11)} rows/s  (${n(f.splitRowsPerWallSec)} rows/s wall)`,
    `  import          ${n(f.importRowsPerSec).padStart(11)} rows/s  (${n(f.importRowsPerWallSec)} rows/s wall)   ${f.ratio.toFixed(2)}× the split pass`,
    `  ${verdict("import ≥ 1.0× a plain split(',') pass over the same bytes", f.ratio >= 1)}`,
    `  replay of the imported file (decode, map, book sync, top of book) ${n(f.replayRecordsPerSec)} records/s`,
    `  peak RSS of this process ${f.peakRssMb.toFixed(0)} MB`,
  ];
  if (f.big !== null) {
    const b = f.big;
    lines.push(
      `import of a generated ${n(b.rows)}-row input (streamed from memory, written to /dev/null, fresh process): ${n(b.records)} records in ${b.seconds.toFixed(1)} s wall, ${n(b.rows / b.seconds)} rows/s`,
      `  RSS ${b.rssAfterFirstMillionMb.toFixed(0)} MB after 1 M rows, ${b.rssAtEndMb.toFixed(0)} MB at the end, peak ${b.maxRssMb.toFixed(0)} MB`,
      `  ${verdict(`peak RSS < ${RSS_TARGET_MB} MB on a ${n(b.rows)}-row input`, b.maxRssMb < RSS_TARGET_MB)}`,
    );
  }
  return lines.join('\n');
}
