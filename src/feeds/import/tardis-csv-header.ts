// A tardis.dev CSV header row read: which layout it is (told by its columns, read by name), each column's index, the book_snapshot depth and whether a byte fast path applies to its column order.
import { importRowError } from './import-error.js';
import { QUOTES_COLUMNS, TardisQuoteRows } from './tardis-quote-rows.js';
import { snapshotColumns, TardisSnapshotRows } from './tardis-snapshot-rows.js';
import { TardisTradeRows, TRADES_COLUMNS } from './tardis-trade-rows.js';

export type TardisLayout = 'incremental_book_L2' | 'book_snapshot' | 'trades' | 'quotes' | 'derivative_ticker';

const BASE = ['exchange', 'symbol', 'timestamp', 'local_timestamp'] as const;
/** tardis' incremental_book_L2 header row (TardisCsvReader.pushLevelFast reads rows of this order). */
const L2_COLUMNS = 'exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount';

export interface TardisHeader {
  readonly kind: TardisLayout;
  /** e.g. "tardis book_snapshot_25", for progress and errors. */
  readonly layout: string;
  /** Columns per row. */
  readonly width: number;
  /** book_snapshot_N: N; 0 otherwise. */
  readonly depth: number;
  /** Column index per name (a Map: names like "asks[0].price" would put an object in dictionary mode). */
  readonly at: ReadonlyMap<string, number>;
  /** The columns every row reads (-1: absent). */
  readonly iSymbol: number;
  readonly iTimestamp: number;
  readonly iLocal: number;
  readonly iSnapshot: number;
  readonly iSide: number;
  readonly iPrice: number;
  readonly iAmount: number;
  readonly iId: number;
  /** book_snapshot_N: [price column, amount column] per level, best first. */
  readonly askColumns: readonly (readonly [number, number])[];
  readonly bidColumns: readonly (readonly [number, number])[];
  /** Whether the header has tardis' own incremental_book_L2 column order (and `fast` is on). */
  readonly standardOrder: boolean;
  /** The one-record-per-row byte fast path of the layout in tardis' column order (and `fast` on); null otherwise. */
  readonly rowPath: TardisTradeRows | TardisQuoteRows | TardisSnapshotRows | null;
}

/** Reads header row `line` (line `lineNo` of file `label`); E_IMPORT_FORMAT naming the line when it is not a tardis CSV header of a supported type. */
export function readTardisHeader(line: string, lineNo: number, label: string, fast: boolean): TardisHeader {
  const names = line.split(',');
  const at = new Map<string, number>();
  names.forEach((name, i) => at.set(name, i));
  for (const name of BASE) if (!at.has(name)) throw importRowError(label, lineNo, `not a tardis.dev CSV header: no '${name}' column (expected exchange,symbol,timestamp,local_timestamp,…)`, line);
  if (names[0] !== 'exchange') throw importRowError(label, lineNo, "not a tardis.dev CSV header: 'exchange' must be the first column", line);
  const has = (...cols: string[]) => cols.every((c) => at.has(c));
  let kind: TardisLayout;
  let depth = 0;
  if (has('is_snapshot', 'side', 'price', 'amount')) kind = 'incremental_book_L2';
  else if (has('asks[0].price', 'asks[0].amount', 'bids[0].price', 'bids[0].amount')) {
    kind = 'book_snapshot';
    while (has(`asks[${depth}].price`, `asks[${depth}].amount`, `bids[${depth}].price`, `bids[${depth}].amount`)) depth++;
  } else if (has('id', 'side', 'price', 'amount')) kind = 'trades';
  else if (has('ask_amount', 'ask_price', 'bid_price', 'bid_amount')) kind = 'quotes';
  else if (has('mark_price') || has('funding_rate')) kind = 'derivative_ticker';
  else throw importRowError(label, lineNo, 'a tardis.dev CSV of no supported type (incremental_book_L2, book_snapshot_5/25, trades, quotes, book_ticker, derivative_ticker)', line);
  const index = (name: string) => at.get(name) ?? -1;
  const askColumns: (readonly [number, number])[] = [];
  const bidColumns: (readonly [number, number])[] = [];
  for (let i = 0; i < depth; i++) {
    askColumns.push([index(`asks[${i}].price`), index(`asks[${i}].amount`)]);
    bidColumns.push([index(`bids[${i}].price`), index(`bids[${i}].amount`)]);
  }
  let rowPath: TardisHeader['rowPath'] = null;
  if (fast && kind === 'trades' && line === TRADES_COLUMNS) rowPath = new TardisTradeRows();
  if (fast && kind === 'quotes' && line === QUOTES_COLUMNS) rowPath = new TardisQuoteRows();
  if (fast && kind === 'book_snapshot' && line === snapshotColumns(depth)) rowPath = new TardisSnapshotRows(depth);
  return {
    kind,
    layout: `tardis ${kind === 'book_snapshot' ? `book_snapshot_${depth}` : kind}`,
    width: names.length,
    depth,
    at,
    iSymbol: index('symbol'),
    iTimestamp: index('timestamp'),
    iLocal: index('local_timestamp'),
    iSnapshot: index('is_snapshot'),
    iSide: index('side'),
    iPrice: index('price'),
    iAmount: index('amount'),
    iId: index('id'),
    askColumns,
    bidColumns,
    standardOrder: fast && line === L2_COLUMNS,
    rowPath,
  };
}
