// normalizedLine: a NormalizedRecord's replay line built as a string with the canonical key order — the bytes encodeNormalizedRecord writes, without its object copy, validation pass and JSON.stringify.
//
// For records import readers build: their decimals come from plainDecimal (canonical, ASCII, no escaping needed),
// their symbols and trade ids are checked by the readers (importSymbol / importTradeId below), their times are
// safe non-negative integers (String(n) is JSON's form of them). Test: equal to encodeNormalizedRecord on fuzzed
// records (test/feeds/import/normalized-line.test.ts).
import type { NormalizedLevel, NormalizedRecord } from '../replay/normalized-record.js';
import { importRowError } from './import-error.js';

const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;
/** Longest symbol and trade id the replay format takes (normalized-record.ts). */
const MAX_SYMBOL_CHARS = 64;
const MAX_ID_CHARS = 128;
/** Printable ASCII without '"' and '\\': JSON text as is. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** JSON string of `text`: quoted as is when nothing needs escaping, else JSON.stringify. */
export function jsonText(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

const decimalOrNull = (text: string | null): string => (text === null ? 'null' : `"${text}"`);

function levels(list: readonly NormalizedLevel[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    const level = list[i]!;
    out += `${i === 0 ? '' : ','}["${level[0]}","${level[1]}"]`;
  }
  return `${out}]`;
}

export function normalizedLine(r: NormalizedRecord): string {
  const base = `{"t":${Math.floor(r.local_us / 1000)},"type":"${r.type}","symbol":"${r.symbol}","exchange_us":${r.exchange_us},"local_us":${r.local_us}`;
  switch (r.type) {
    case 'book_snapshot':
      return `${base},"bids":${levels(r.bids)},"asks":${levels(r.asks)}}`;
    case 'book_update':
      return `${base},"is_snapshot":${r.is_snapshot},"bids":${levels(r.bids)},"asks":${levels(r.asks)}}`;
    case 'trade':
      return `${base},"id":${jsonText(r.id)},"side":"${r.side}","price":"${r.price}","size":"${r.size}"}`;
    case 'quote':
      return `${base},"bid_price":${decimalOrNull(r.bid_price)},"bid_size":${decimalOrNull(r.bid_size)},"ask_price":${decimalOrNull(r.ask_price)},"ask_size":${decimalOrNull(r.ask_size)}}`;
    case 'derivative':
      return `${base},"mark_price":${decimalOrNull(r.mark_price)},"index_price":${decimalOrNull(r.index_price)},"last_price":${decimalOrNull(r.last_price)},"funding_rate":${decimalOrNull(r.funding_rate)},"predicted_funding_rate":${decimalOrNull(r.predicted_funding_rate)},"funding_time_us":${r.funding_time_us === null ? 'null' : r.funding_time_us},"open_interest":${decimalOrNull(r.open_interest)}}`;
  }
}

/** Whether `symbol` is one the replay format takes (1-64 letters, digits, . _ : / -, starting with a letter or digit). */
export function isImportSymbol(symbol: string): boolean {
  return symbol.length <= MAX_SYMBOL_CHARS && SYMBOL.test(symbol);
}

/** `symbol` checked for the replay format; E_IMPORT_FORMAT naming the line otherwise. */
export function importSymbol(symbol: string, label: string, lineNo: number, line: string): string {
  if (!isImportSymbol(symbol)) throw importRowError(label, lineNo, `symbol ${JSON.stringify(symbol.slice(0, 80))} is not one a replay takes (1-${MAX_SYMBOL_CHARS} letters, digits and . _ : / -)`, line);
  return symbol;
}

/** A trade id checked for the replay format (at most 128 characters); E_IMPORT_FORMAT naming the line otherwise. */
export function importTradeId(id: string, label: string, lineNo: number, line: string): string {
  if (id.length > MAX_ID_CHARS) throw importRowError(label, lineNo, `trade id longer than ${MAX_ID_CHARS} characters`, line);
  return id;
}
