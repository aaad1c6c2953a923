// A deep tardis.dev book for the replay path bench: a binance-futures BTCUSDT incremental_book_L2 CSV whose snapshot holds 1000 levels a side (as tardis' Binance USDⓈ-M books do) and whose updates reach 800 levels deep, plus a trades CSV.
//
// The shallow sample (replay-inputs.ts writeTardisCsvs: a 10-level snapshot, updates within 10 ticks of the mid)
// keeps every book shift short; this one makes the book's inserts and removals land hundreds of levels from the top
// (depth 1 + ⌊u² × 800⌋ for uniform u: most near the top, a long tail), a sixth of them removals, so the book
// structure is measured the way real L2 data uses it. The mid stays put so the book never crosses (no resync).
import { closeSync, openSync, writeSync } from 'node:fs';

/** Levels a side in the snapshot, and the deepest level an update touches. */
export const DEEP_SNAPSHOT_LEVELS = 1000;
const DEEPEST_UPDATE = 800;

/** Writes `groups` update groups (6 rows each, 100 µs apart, one trade every 8th group) after the snapshot. */
export function writeTardisDeepCsvs(l2Path: string, tradesPath: string, groups: number): void {
  let seed = 21;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  const unit = (): number => next() / 2_147_483_648;
  const T0 = 1_709_251_200_000_000;
  const mid = 620_000;
  const px = (ticks: number): string => (ticks / 10).toFixed(1);
  const l2 = new Lines(l2Path);
  const trades = new Lines(tradesPath);
  l2.line('exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount');
  trades.line('exchange,symbol,timestamp,local_timestamp,id,side,price,amount');
  for (let i = 1; i <= DEEP_SNAPSHOT_LEVELS; i++) {
    l2.line(`binance-futures,BTCUSDT,${T0},${T0 + 900},true,bid,${px(mid - i)},1.000`);
    l2.line(`binance-futures,BTCUSDT,${T0},${T0 + 900},true,ask,${px(mid + i)},1.000`);
  }
  for (let g = 1; g < groups; g++) {
    const ts = T0 + 1_000 + g * 100;
    if (g % 8 === 0) {
      const buy = next() % 2 === 0;
      trades.line(`binance-futures,BTCUSDT,${ts - 60},${ts - 10},${4_000_000_000 + g},${buy ? 'buy' : 'sell'},${px(buy ? mid + 1 : mid - 1)},${((1 + (next() % 500)) / 1000).toFixed(3)}`);
    }
    for (let k = 0; k < 6; k++) {
      const bid = k < 3;
      const depth = 1 + Math.floor(unit() ** 2 * DEEPEST_UPDATE);
      const size = next() % 6 === 0 ? '0.000' : ((1 + (next() % 5000)) / 1000).toFixed(3);
      l2.line(`binance-futures,BTCUSDT,${ts - 40},${ts},false,${bid ? 'bid' : 'ask'},${px(bid ? mid - depth : mid + depth)},${size}`);
    }
  }
  l2.close();
  trades.close();
}

/** Lines written through a 1 MiB buffer. */
class Lines {
  private readonly fd: number;
  private pending: string[] = [];
  private bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  line(text: string): void {
    this.pending.push(text);
    this.bytes += text.length + 1;
    if (this.bytes >= 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length > 0) writeSync(this.fd, `${this.pending.join('\n')}\n`);
    this.pending = [];
    this.bytes = 0;
  }
}
