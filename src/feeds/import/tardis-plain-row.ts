// The plain path of the one-record-per-row tardis layouts (book_snapshot_N, trades, quotes / book_ticker, derivative_ticker): a row split on commas, each field checked, one normalized record — what the byte fast paths are compared with, and what reads every row they do not take.
import type { NormalizedLevel, NormalizedRecord } from '../replay/normalized-record.js';
import { plainDecimal } from './csv-decimal.js';
import { importRowError } from './import-error.js';
import { importTradeId } from './normalized-line.js';
import type { TardisHeader } from './tardis-csv-header.js';

const TIME = /^[0-9]{1,16}$/;

/** Where a row came from, for its errors. */
export interface RowOrigin {
  readonly label: string;
  readonly lineNo: number;
  readonly line: string;
}

/** A time column: whole µs since the epoch (1-16 digits, a safe integer). */
export function rowTime(text: string, name: string, at: RowOrigin): number {
  if (!TIME.test(text) || !Number.isSafeInteger(Number(text))) throw importRowError(at.label, at.lineNo, `${name} must be whole µs since the epoch, got ${JSON.stringify(text)}`, at.line);
  return Number(text);
}

/** A price or amount column as a plain decimal (plainDecimal: an exponent written out). */
export function rowDecimal(text: string, name: string, at: RowOrigin): string {
  const value = plainDecimal(text);
  if (value === null) throw importRowError(at.label, at.lineNo, `${name} must be a non-negative decimal, got ${JSON.stringify(text.slice(0, 40))}`, at.line);
  return value;
}

function optionalDecimal(text: string, name: string, signed: boolean, at: RowOrigin): string | null {
  if (text === '') return null;
  const value = plainDecimal(text, signed);
  if (value === null) throw importRowError(at.label, at.lineNo, `${name} must be empty or a ${signed ? '' : 'non-negative '}decimal, got ${JSON.stringify(text.slice(0, 40))}`, at.line);
  return value;
}

/** book_snapshot_N: one side's levels, best first, up to the first empty one. */
function snapshotLevels(f: readonly string[], columns: readonly (readonly [number, number])[], side: 'asks' | 'bids', at: RowOrigin): NormalizedLevel[] {
  const levels: NormalizedLevel[] = [];
  for (let i = 0; i < columns.length; i++) {
    const price = f[columns[i]![0]]!;
    const amount = f[columns[i]![1]]!;
    if (price === '' && amount === '') break;
    levels.push([rowDecimal(price, `${side}[${i}].price`, at), rowDecimal(amount, `${side}[${i}].amount`, at)]);
  }
  return levels;
}

/**
 * The record of one split row `f` of a one-record-per-row layout (`h.kind` is not incremental_book_L2), its symbol
 * and times already read. Throws the row's import error (E_IMPORT_FORMAT naming file and line) for a bad field.
 */
export function plainRowRecord(h: TardisHeader, f: readonly string[], base: { readonly symbol: string; readonly exchange_us: number; readonly local_us: number }, at: RowOrigin): NormalizedRecord {
  switch (h.kind) {
    case 'book_snapshot': {
      const asks = snapshotLevels(f, h.askColumns, 'asks', at);
      const bids = snapshotLevels(f, h.bidColumns, 'bids', at);
      return { type: 'book_snapshot', ...base, bids, asks };
    }
    case 'trades': {
      const side = f[h.iSide];
      if (side !== 'buy' && side !== 'sell' && side !== 'unknown') throw importRowError(at.label, at.lineNo, `side must be buy, sell or unknown, got ${JSON.stringify(side)}`, at.line);
      const id = importTradeId(f[h.iId]!, at.label, at.lineNo, at.line);
      return { type: 'trade', ...base, id, side, price: rowDecimal(f[h.iPrice]!, 'price', at), size: rowDecimal(f[h.iAmount]!, 'amount', at) };
    }
    case 'quotes': {
      const opt = (name: string) => optionalDecimal(f[h.at.get(name)!]!, name, false, at);
      return { type: 'quote', ...base, bid_price: opt('bid_price'), bid_size: opt('bid_amount'), ask_price: opt('ask_price'), ask_size: opt('ask_amount') };
    }
    case 'derivative_ticker': {
      const opt = (name: string, signed = false) => (h.at.has(name) ? optionalDecimal(f[h.at.get(name)!]!, name, signed, at) : null);
      const fundingText = h.at.has('funding_timestamp') ? f[h.at.get('funding_timestamp')!]! : '';
      return {
        type: 'derivative',
        ...base,
        mark_price: opt('mark_price'),
        index_price: opt('index_price'),
        last_price: opt('last_price'),
        funding_rate: opt('funding_rate', true),
        predicted_funding_rate: opt('predicted_funding_rate', true),
        funding_time_us: fundingText === '' ? null : rowTime(fundingText, 'funding_timestamp', at),
        open_interest: opt('open_interest'),
      };
    }
    case 'incremental_book_L2':
      throw new TypeError('plainRowRecord reads one-record-per-row layouts; incremental_book_L2 rows are grouped by TardisCsvReader');
  }
}
