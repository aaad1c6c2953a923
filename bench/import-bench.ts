// Import throughput: `import tardis` on a synthesised incremental_book_L2 CSV vs a plain split(',') pass over the same lines in the same process, and the imported file drained through the replay feed (book sync, top of book); rows/s, ratio, peak RSS.
//
// The CSV (deterministic LCG, no wall clock in the data): binance-futures BTCUSDT, one 20-level snapshot group, then
// groups of 6 level rows (absolute sizes, a sixth of them removals) per local_timestamp, 100 µs apart. Both passes read
// the file through the same TextLines (fs stream, 64 KiB chunks), so the ratio isolates row conversion, grouping,
// merging and writing from the I/O. Best of `rounds`, passes alternated.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReplayFeed } from '../src/app/compose-replay.js';
import type { InstrumentSpec } from '../src/core/model/instrument.js';
import { runImport } from '../src/feeds/import/import-run.js';
import { TardisCsvReader } from '../src/feeds/import/tardis-csv-reader.js';
import { TextLines } from '../src/feeds/import/text-lines.js';

export interface ImportFigures {
  readonly rows: number;
  readonly fileMb: number;
  readonly splitRowsPerSec: number;
  readonly importRowsPerSec: number;
  /** import / split pass. */
  readonly ratio: number;
  readonly records: number;
  /** Book records of the imported file through the replay feed (records/s). */
  readonly replayRecordsPerSec: number;
  readonly peakRssMb: number;
}

const SPEC: InstrumentSpec = { symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.1', lotSize: '0.001', minQty: '0.001', maxQty: '1000', minNotional: '5' };

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
}

/** Writes about `rows` rows of incremental_book_L2 to `path`. */
export function generateTardisL2(path: string, rows: number): void {
  const next = lcg(18);
  const parts: string[] = ['exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount'];
  const T0 = 1_709_251_200_000_000;
  const mid = 620_000;
  for (let i = 0; i < 10; i++) parts.push(`binance-futures,BTCUSDT,${T0},${T0 + 900},true,bid,${((mid - 1 - i) / 10).toFixed(1)},1.000`, `binance-futures,BTCUSDT,${T0},${T0 + 900},true,ask,${((mid + 1 + i) / 10).toFixed(1)},1.000`);
  let written = 20;
  let chunk: string[] = [];
  for (let g = 1; written < rows; g++) {
    const ts = T0 + g * 100;
    for (let k = 0; k < 6 && written < rows; k++, written++) {
      const bid = k < 3;
      const off = 1 + (next() % 10);
      const size = next() % 6 === 0 ? '0.000' : ((1 + (next() % 5000)) / 1000).toFixed(3);
      chunk.push(`binance-futures,BTCUSDT,${ts - 40},${ts},false,${bid ? 'bid' : 'ask'},${((bid ? mid - off : mid + off) / 10).toFixed(1)},${size}`);
    }
    if (chunk.length >= 60_000) {
      parts.push(chunk.join('\n'));
      chunk = [];
    }
  }
  if (chunk.length > 0) parts.push(chunk.join('\n'));
  writeFileSync(path, `${parts.join('\n')}\n`);
}

async function splitPass(path: string): Promise<number> {
  const lines = await TextLines.open(path);
  let fields = 0;
  for (;;) {
    await lines.fill();
    for (const line of lines.lines) fields += line.split(',').length;
    if (lines.done) break;
  }
  lines.close();
  return fields;
}

export async function measureImport(rows: number, rounds = 3): Promise<ImportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-import-bench-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const csv = join(dir, 'l2.csv');
    const out = join(dir, 'l2.jsonl');
    generateTardisL2(csv, rows);
    let split = Infinity;
    let imported = Infinity;
    let records = 0;
    for (let round = 0; round < rounds; round++) {
      let t = process.hrtime.bigint();
      await splitPass(csv);
      split = Math.min(split, Number(process.hrtime.bigint() - t) / 1e9);
      t = process.hrtime.bigint();
      const summary = await runImport({
        files: [csv],
        out,
        filter: { symbols: null, fromUs: null, toUs: null },
        readerFor: () => (label) => new TardisCsvReader(label, [{ id: 'binance-futures', venue: 'binance', market: 'usdm' }]),
        source: 'bench',
      });
      imported = Math.min(imported, Number(process.hrtime.bigint() - t) / 1e9);
      records = summary.records;
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
      splitRowsPerSec: rows / split,
      importRowsPerSec: rows / imported,
      ratio: split / imported,
      records,
      replayRecordsPerSec: records / replay,
      peakRssMb: peakRss / (1024 * 1024),
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatImport(f: ImportFigures): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  return [
    `import tardis incremental_book_L2: ${n(f.rows)} rows (${f.fileMb.toFixed(1)} MiB) → ${n(f.records)} records`,
    `  split(',') pass ${n(f.splitRowsPerSec).padStart(11)} rows/s`,
    `  import          ${n(f.importRowsPerSec).padStart(11)} rows/s   ${f.ratio.toFixed(2)}× the split pass`,
    `  replay of the imported file (decode, map, book sync, top of book) ${n(f.replayRecordsPerSec)} records/s`,
    `  peak RSS ${f.peakRssMb.toFixed(0)} MB`,
  ].join('\n');
}
