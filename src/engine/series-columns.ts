// SampleColumns, FillColumns and BlockColumns: the --series sampler's storage — samples, fills and block bursts as rows of integers (RowTable) read as columns, ids by their number — kept until they are made records.
import { RowTable } from './row-table.js';

/**
 * Samples as rows of integers (RowTable): nothing the run would have dropped is kept alive (retained objects are what
 * a sampler costs, in garbage collection). Cash, cost and fees are not copied: `fills` is how many fills the run had
 * applied, and the records replay that many. No quote: -1. Read as columns (`ts`, `mid`, …).
 */
export class SampleColumns {
  /** Per sample time: its ms, the fills applied by then, the risk state (index in STATES). */
  private readonly times = new RowTable(3);
  /** Per sample time and symbol (row t × symbols + s): mark, quotes, net edge (bps × 10⁴), live orders. */
  private readonly symbols = new RowTable(5);
  readonly ts = this.times.column(0);
  readonly fills = this.times.column(1);
  readonly state = this.times.column(2);
  readonly mid = this.symbols.column(0);
  readonly bid = this.symbols.column(1);
  readonly ask = this.symbols.column(2);
  readonly edge = this.symbols.column(3);
  readonly open = this.symbols.column(4);

  /** A sample time; its symbols' rows follow, one addSymbol each. */
  addTime(ts: number, fills: number, state: number): void {
    const t = this.times;
    const at = t.append();
    const row = t.tail;
    row[at] = ts;
    row[at + 1] = fills;
    row[at + 2] = state;
  }

  addSymbol(mid: number, bid: number, ask: number, edge: number, open: number): void {
    const t = this.symbols;
    const at = t.append();
    const row = t.tail;
    row[at] = mid;
    row[at + 1] = bid;
    row[at + 2] = ask;
    row[at + 3] = edge;
    row[at + 4] = open;
  }

  /** Forgets every sample (the tables' memory is kept for the next ones). */
  clear(): void {
    this.times.keepFrom(this.times.length);
    this.symbols.keepFrom(this.symbols.length);
  }
}

/** Every fill as numbers: ids "F-<n>" / "O-<n>" by their n (another spelling is kept as text in `oddIds`). */
export class FillColumns {
  private readonly rows = new RowTable(6);
  readonly ts = this.rows.column(0);
  /** symbol index × 4 + 2 for a sell + 1 for a taker fill. */
  readonly meta = this.rows.column(1);
  readonly price = this.rows.column(2);
  readonly qty = this.rows.column(3);
  readonly id = this.rows.column(4);
  readonly order = this.rows.column(5);
  /** Ids not spelled "<prefix>-<n>", by `F<i>` / `O<i>`, i the fill's index in the run (not in this column). */
  readonly oddIds = new Map<string, string>();

  add(ts: number, meta: number, price: number, qty: number, id: number, order: number): void {
    const t = this.rows;
    const at = t.append();
    const row = t.tail;
    row[at] = ts;
    row[at + 1] = meta;
    row[at + 2] = price;
    row[at + 3] = qty;
    row[at + 4] = id;
    row[at + 5] = order;
  }

  get length(): number {
    return this.rows.length;
  }

  /** Keeps the rows from `from` on (now rows 0, 1, …), and the odd ids of run indices from `firstKept` on. */
  keepFrom(from: number, firstKept: number): void {
    this.rows.keepFrom(from);
    if (this.oddIds.size !== 0) for (const key of [...this.oddIds.keys()]) if (Number(key.slice(1)) < firstKept) this.oddIds.delete(key);
  }
}

/** Block bursts, one row per (sample, reason) whose count grew: `count` blocks for BLOCK_REASONS[slot] in (since, ts]. */
export class BlockColumns {
  private readonly rows = new RowTable(4);
  readonly ts = this.rows.column(0);
  readonly slot = this.rows.column(1);
  readonly count = this.rows.column(2);
  readonly since = this.rows.column(3);

  add(ts: number, slot: number, count: number, since: number): void {
    const t = this.rows;
    const at = t.append();
    const row = t.tail;
    row[at] = ts;
    row[at + 1] = slot;
    row[at + 2] = count;
    row[at + 3] = since;
  }

  clear(): void {
    this.rows.keepFrom(this.rows.length);
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
