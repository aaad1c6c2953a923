// The import bench's input: a deterministic tardis incremental_book_L2 CSV, produced in blocks of text — written to a file, or streamed from memory as a ChunkReader (the 10 M-row RSS figure needs no file on disk).
//
// binance-futures BTCUSDT (deterministic LCG, no wall clock in the data): one 20-level snapshot group, then groups
// of 6 level rows (absolute sizes, a sixth of them removals) per local_timestamp, 100 µs apart.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ChunkReader } from '../src/feeds/import/chunk-reader.js';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
}

/** The CSV's text in blocks of about 16 Ki rows ("\n"-terminated), `rows` rows in all, the header first. */
export function* tardisL2Blocks(rows: number): Generator<string> {
  const next = lcg(18);
  const T0 = 1_709_251_200_000_000;
  const mid = 620_000;
  let block: string[] = ['exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount'];
  for (let i = 0; i < 10; i++) block.push(`binance-futures,BTCUSDT,${T0},${T0 + 900},true,bid,${((mid - 1 - i) / 10).toFixed(1)},1.000`, `binance-futures,BTCUSDT,${T0},${T0 + 900},true,ask,${((mid + 1 + i) / 10).toFixed(1)},1.000`);
  let written = 20;
  for (let g = 1; written < rows; g++) {
    const ts = T0 + g * 100;
    for (let k = 0; k < 6 && written < rows; k++, written++) {
      const bid = k < 3;
      const off = 1 + (next() % 10);
      const size = next() % 6 === 0 ? '0.000' : ((1 + (next() % 5000)) / 1000).toFixed(3);
      block.push(`binance-futures,BTCUSDT,${ts - 40},${ts},false,${bid ? 'bid' : 'ask'},${((bid ? mid - off : mid + off) / 10).toFixed(1)},${size}`);
    }
    if (block.length >= 16_384) {
      yield `${block.join('\n')}\n`;
      block = [];
    }
  }
  if (block.length > 0) yield `${block.join('\n')}\n`;
}

/** Writes about `rows` rows to `path`, a block at a time. */
export function generateTardisL2(path: string, rows: number): void {
  const fd = openSync(path, 'w');
  try {
    for (const block of tardisL2Blocks(rows)) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
}

/** The CSV generated block by block as a ChunkReader (memory: one block), for a size no disk should hold for a bench. */
export class GeneratedL2Reader implements ChunkReader {
  readonly label = 'generated incremental_book_L2';
  bytesRead = 0;
  /** Unknown before the end: the generator does not size its output. */
  readonly totalBytes = 0;
  private readonly blocks: Generator<string>;

  constructor(rows: number) {
    this.blocks = tardisL2Blocks(rows);
  }

  next(): Buffer | null {
    const block = this.blocks.next();
    if (block.done === true) return null;
    const bytes = Buffer.from(block.value, 'latin1');
    this.bytesRead += bytes.length;
    return bytes;
  }

  close(): void {
    void this.blocks.return(undefined);
  }
}
