// referenceTardisL2: the plain version of the tardis incremental_book_L2 import — the file's text split into lines and each line split(','), records built as objects and encoded by the replay format's own encoder — kept as the differential reference of the byte fast path (tardis-csv-reader.ts, tardis-l2-group.ts).
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import { plainDecimal } from '../../src/feeds/import/csv-decimal.js';
import { importRowError } from '../../src/feeds/import/import-error.js';
import { isImportSymbol } from '../../src/feeds/import/normalized-line.js';
import type { TardisExchange } from '../../src/feeds/import/tardis-exchange.js';
import { encodeNormalizedRecord, MAX_RECORD_LEVELS, type NormalizedLevel } from '../../src/feeds/replay/normalized-record.js';

export type ReferenceResult = { readonly lines: readonly string[] } | { readonly error: { readonly code: string; readonly message: string } };

interface Group {
  symbol: string;
  exchangeUs: number;
  localUs: number;
  snapshot: boolean;
  bids: NormalizedLevel[];
  asks: NormalizedLevel[];
}

/**
 * The record lines an import of the incremental_book_L2 CSV `text` writes, in the order written (stable by
 * local_timestamp: the file source's order for a file shorter than its reorder window), or the error it stops with.
 */
export function referenceTardisL2(text: string, label: string, exchanges: readonly TardisExchange[]): ReferenceResult {
  try {
    return { lines: read(text, label, exchanges) };
  } catch (error) {
    if (error instanceof ShadowExecError) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

function read(text: string, label: string, exchanges: readonly TardisExchange[]): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const records: { localUs: number; line: string }[] = [];
  let group: Group | null = null;
  const flush = (): void => {
    if (group === null) return;
    const g = group;
    records.push({ localUs: g.localUs, line: encodeNormalizedRecord({ type: 'book_update', symbol: g.symbol, exchange_us: g.exchangeUs, local_us: g.localUs, is_snapshot: g.snapshot, bids: g.bids, asks: g.asks }) });
    group = null;
  };
  let columns: Map<string, number> | null = null;
  let width = 0;
  let exchange: string | null = null;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (columns === null) {
      const names = line.split(',');
      width = names.length;
      columns = new Map(names.map((name, at) => [name, at]));
      if (names[0] !== 'exchange' || !['symbol', 'timestamp', 'local_timestamp', 'is_snapshot', 'side', 'price', 'amount'].every((c) => columns!.has(c))) throw new Error('the reference reads incremental_book_L2 headers only');
      return;
    }
    if (line === '') return;
    const fail = (what: string): never => {
      throw importRowError(label, lineNo, what, line);
    };
    const f = line.split(',');
    if (f.length !== width) fail(`${f.length} columns, the header has ${width}`);
    const col = (name: string): string => f[columns!.get(name)!]!;
    if (f[0] !== exchange) {
      if (exchange !== null) fail(`exchange '${f[0]}' after '${exchange}': a file holds one exchange`);
      if (!exchanges.some((e) => e.id === f[0])) fail(`tardis exchange '${f[0]}' is not one this program can replay (known: ${exchanges.map((e) => e.id).join(', ')})`);
      exchange = f[0]!;
    }
    const symbol = col('symbol');
    if (symbol === '') fail('empty symbol');
    if (!isImportSymbol(symbol)) fail(`symbol ${JSON.stringify(symbol.slice(0, 80))} is not one a replay takes (1-64 letters, digits and . _ : / -)`);
    const time = (name: string): number => {
      const t = col(name);
      if (!/^[0-9]{1,16}$/.test(t) || !Number.isSafeInteger(Number(t))) fail(`${name} must be whole µs since the epoch, got ${JSON.stringify(t)}`);
      return Number(t);
    };
    const exchangeUs = time('timestamp');
    const localUs = time('local_timestamp');
    const snapshotText = col('is_snapshot');
    if (snapshotText !== 'true' && snapshotText !== 'false') fail(`is_snapshot must be true or false, got ${JSON.stringify(snapshotText)}`);
    const snapshot = snapshotText === 'true';
    const side = col('side');
    if (side !== 'bid' && side !== 'ask') fail(`side must be bid or ask, got ${JSON.stringify(side)}`);
    const current = group as Group | null;
    if (current === null || current.symbol !== symbol || current.localUs !== localUs || current.snapshot !== snapshot) {
      flush();
      group = { symbol, exchangeUs, localUs, snapshot, bids: [], asks: [] };
    }
    const levels = side === 'bid' ? group!.bids : group!.asks;
    if (levels.length >= MAX_RECORD_LEVELS) fail(`more than ${MAX_RECORD_LEVELS} levels of one side at one local_timestamp`);
    const decimal = (name: 'price' | 'amount'): string => {
      const t = col(name);
      return plainDecimal(t) ?? fail(`${name} must be a non-negative decimal, got ${JSON.stringify(t.slice(0, 40))}`);
    };
    levels.push([decimal('price'), decimal('amount')]);
  });
  flush();
  // The merge's rule: a file must have a data row (its exchange names the replay's venue).
  if (exchange === null) throw new ShadowExecError('E_IMPORT_FORMAT', `import: no data row in '${label}'`);
  // Stable: equal local times keep file order.
  return records
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => a.localUs - b.localUs || a.i - b.i)
    .map((r) => r.line);
}
