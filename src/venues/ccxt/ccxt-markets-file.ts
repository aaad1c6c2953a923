// The saved ccxt markets file (--instruments FILE, written by `shadow-exec markets ccxt:<id>`): the exchange's loadMarkets() result with the ccxt version and precision mode it was parsed under.
//
// Layout (JSON, 2-space indentation, markets sorted by symbol so the same markets give the same bytes):
//   {"format":"shadow-exec-ccxt-markets","version":1,"exchange":"okx","ccxt":"4.5.84","precision_mode":4,
//    "taken_at":"2026-12-03T18:00:00.000Z"|null,"source":"…","markets":{"BTC/USDT":{…ccxt market…},…}}
// A bare loadMarkets() result (an object of symbol → market, as `JSON.stringify(await exchange.loadMarkets())`
// writes it) is read too; its precision mode is then the exchange class's.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';

export const CCXT_MARKETS_FORMAT = 'shadow-exec-ccxt-markets';

export interface CcxtMarketsFile {
  readonly exchange: string;
  /** The ccxt version that parsed the markets; null for a bare loadMarkets() dump. */
  readonly ccxt: string | null;
  /** ccxt's precisionMode the numbers are in; null: take the exchange class's. */
  readonly precisionMode: number | null;
  readonly takenAt: string | null;
  readonly source: string | null;
  /** Symbol → the market object exactly as ccxt gave it. */
  readonly markets: Readonly<Record<string, Record<string, unknown>>>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(path: string, why: string): ShadowExecError {
  return new ShadowExecError('E_CONFIG', `'${path}' ${why}: expected a saved ccxt markets file (shadow-exec markets ccxt:<id> --out FILE) or a JSON dump of loadMarkets()`);
}

/** Reads the parsed JSON of a markets file for exchange `id`; E_CONFIG naming what is wrong. */
export function readCcxtMarketsFile(json: unknown, id: string, path: string): CcxtMarketsFile {
  if (!isObject(json)) throw bad(path, 'is not a JSON object');
  if (json['format'] === CCXT_MARKETS_FORMAT) {
    if (json['version'] !== 1) throw bad(path, `has version ${JSON.stringify(json['version'])}, not 1`);
    if (json['exchange'] !== id) throw bad(path, `holds the markets of ccxt:${String(json['exchange'])}, not ccxt:${id}`);
    const markets = json['markets'];
    if (!isObject(markets)) throw bad(path, 'has no "markets" object');
    const mode = json['precision_mode'];
    if (typeof mode !== 'number') throw bad(path, 'has no numeric "precision_mode"');
    return {
      exchange: id,
      ccxt: typeof json['ccxt'] === 'string' ? json['ccxt'] : null,
      precisionMode: mode,
      takenAt: typeof json['taken_at'] === 'string' ? json['taken_at'] : null,
      source: typeof json['source'] === 'string' ? json['source'] : null,
      markets: checkedMarkets(markets, path),
    };
  }
  return { exchange: id, ccxt: null, precisionMode: null, takenAt: null, source: null, markets: checkedMarkets(json, path) };
}

function checkedMarkets(markets: Record<string, unknown>, path: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [symbol, market] of Object.entries(markets)) {
    if (!isObject(market) || market['symbol'] !== symbol) throw bad(path, `has an entry '${symbol.slice(0, 40)}' that is not a ccxt market of that symbol`);
    out[symbol] = market;
  }
  if (Object.keys(out).length === 0) throw bad(path, 'holds no market');
  return out;
}

/** The file's text for `markets` (canonical: markets sorted by symbol, 2-space indentation, a final newline). */
export function encodeCcxtMarketsFile(file: CcxtMarketsFile): string {
  const symbols = Object.keys(file.markets).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const markets: Record<string, unknown> = {};
  for (const symbol of symbols) markets[symbol] = file.markets[symbol];
  return `${JSON.stringify(
    { format: CCXT_MARKETS_FORMAT, version: 1, exchange: file.exchange, ccxt: file.ccxt, precision_mode: file.precisionMode, taken_at: file.takenAt, source: file.source, markets },
    null,
    2,
  )}\n`;
}
