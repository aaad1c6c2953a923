// SampleColumns, FillColumns and BlockColumns: the --series sampler's storage — samples, fills and block bursts as columns of integers (NumberColumn), ids by their number — kept until they are made records.
import { NumberColumn } from './number-column.js';

/**
 * Samples in columns, one entry per (time, symbol), plain arrays of numbers (V8 keeps them unboxed): nothing the run
 * would have dropped is kept alive (retained objects are what a sampler costs, in garbage collection). Cash, cost and
 * fees are not copied: `fills` is how many fills the run had applied, and the records replay that many. No quote: -1.
 */
export class SampleColumns {
  /** Per sample time: its ms, the fills applied by then, the risk state (index in STATES). */
  readonly ts = new NumberColumn();
  readonly fills = new NumberColumn();
  readonly state = new NumberColumn();
  /** Per sample time and symbol (row t × symbols + s): mark, quotes, net edge (bps × 10⁴), live orders. */
  readonly mid = new NumberColumn();
  readonly bid = new NumberColumn();
  readonly ask = new NumberColumn();
  readonly edge = new NumberColumn();
  readonly open = new NumberColumn();

  /** Forgets every sample (the columns' memory is kept for the next ones). */
  clear(): void {
    for (const column of [this.ts, this.fills, this.state, this.mid, this.bid, this.ask, this.edge, this.open]) column.keepFrom(column.length);
  }
}

/** Every fill as numbers: ids "F-<n>" / "O-<n>" by their n (another spelling is kept as text in `oddIds`). */
export class FillColumns {
  readonly ts = new NumberColumn();
  /** symbol index × 4 + 2 for a sell + 1 for a taker fill. */
  readonly meta = new NumberColumn();
  readonly price = new NumberColumn();
  readonly qty = new NumberColumn();
  readonly id = new NumberColumn();
  readonly order = new NumberColumn();
  /** Ids not spelled "<prefix>-<n>", by `F<i>` / `O<i>`, i the fill's index in the run (not in this column). */
  readonly oddIds = new Map<string, string>();

  /** Keeps the rows from `from` on (now rows 0, 1, …), and the odd ids of run indices from `firstKept` on. */
  keepFrom(from: number, firstKept: number): void {
    for (const column of [this.ts, this.meta, this.price, this.qty, this.id, this.order]) column.keepFrom(from);
    for (const key of [...this.oddIds.keys()]) if (Number(key.slice(1)) < firstKept) this.oddIds.delete(key);
  }
}

/** Block bursts, one row per (sample, reason) whose count grew: `count` blocks for BLOCK_REASONS[slot] in (since, ts]. */
export class BlockColumns {
  readonly ts = new NumberColumn();
  readonly slot = new NumberColumn();
  readonly count = new NumberColumn();
  readonly since = new NumberColumn();

  clear(): void {
    for (const column of [this.ts, this.slot, this.count, this.since]) column.keepFrom(column.length);
  }
}

const CH_0 = 48;
const CH_DASH = 45;

/** n of "<prefix>-<n>" when `id` is spelled so (prefix one character, n at most 15 digits), else -1. */
export function idNumber(id: string, prefix: number): number {
  const length = id.length;
  if (length < 3 || length > 17 || id.charCodeAt(0) !== prefix || id.charCodeAt(1) !== CH_DASH) return -1;
  let n = 0;
  for (let i = 2; i < length; i++) {
    const d = id.charCodeAt(i) - CH_0;
    if (d < 0 || d > 9 || (d === 0 && i === 2 && length > 3)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Character codes of the id prefixes F and O. */
export const F = 70;
export const O = 79;
