// Reads a saved Binance exchangeInfo response (spot or USD-M) into instrument specs and filters, naming the exact bad field when the file is wrong.
import { MAX_DECIMAL_CHARS } from '../../core/money/fast-units.js';
import { untrustedJson, untrustedText } from '../../core/text/untrusted-text.js';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { Decimal } from '../../core/money/decimal.js';
import type { InstrumentSpec } from '../../core/model/instrument.js';
import type { BinanceMarket } from './binance-market.js';

/** An instrument as the simulated Binance venue enforces it. Decimal strings are kept as Binance sends them ("0.01000000"). */
export interface BinanceInstrument {
  readonly market: BinanceMarket;
  /** tickSize = PRICE_FILTER.tickSize; lotSize = LOT_SIZE.stepSize; min/maxQty from LOT_SIZE; minNotional from {@link notional} ("0" without one). */
  readonly spec: InstrumentSpec;
  /** minPrice/maxPrice "0" = that rule disabled (filters.md PRICE_FILTER). */
  readonly priceFilter: { readonly minPrice: string; readonly maxPrice: string; readonly tickSize: string };
  readonly lotSize: { readonly minQty: string; readonly maxQty: string; readonly stepSize: string };
  /**
   * Spot: NOTIONAL (min and max) when present, else the legacy MIN_NOTIONAL.minNotional; USD-M: MIN_NOTIONAL.notional.
   * When a spot response carries both (the 2023 transition), NOTIONAL — the current filter — is the one applied. Null: none.
   */
  readonly notional: { readonly filter: 'NOTIONAL' | 'MIN_NOTIONAL'; readonly min: string; readonly max: string | null } | null;
  /** ICEBERG_PARTS.limit (spot); null when absent. */
  readonly icebergParts: number | null;
  /** MAX_NUM_ORDERS: spot `maxNumOrders`, USD-M `limit`; null when absent. */
  readonly maxNumOrders: number | null;
  /** Spot symbol flags; USD-M has neither, so both are false there. */
  readonly icebergAllowed: boolean;
  readonly ocoAllowed: boolean;
  readonly orderTypes: readonly string[];
  /** UTC date of the response's `serverTime`, or null when the file has none. */
  readonly takenAt: string | null;
}

const DECIMAL = /^\d+(\.\d+)?$/;

type Obj = Record<string, unknown>;

function fail(source: string, path: string, expected: string): never {
  throw new ShadowExecError('E_CONFIG', `${source}: ${path} ${expected}`);
}

function objectAt(value: unknown, source: string, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(source, path, 'must be an object');
  return value as Obj;
}

function text(obj: Obj, key: string, source: string, path: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') fail(source, `${path}.${key}`, 'must be a non-empty string');
  return value;
}

/** A plain non-negative decimal string; `positive` also refuses zero. */
function decimal(obj: Obj, key: string, source: string, path: string, positive: boolean): string {
  const value = text(obj, key, source, path);
  // Longer than any venue decimal (MAX_DECIMAL_CHARS): refused before the regex and decimal.js read all of it.
  if (value.length > MAX_DECIMAL_CHARS) fail(source, `${path}.${key}`, `must be a plain decimal string of at most ${MAX_DECIMAL_CHARS} characters, got ${value.length}`);
  if (!DECIMAL.test(value)) fail(source, `${path}.${key}`, `must be a plain decimal string, got '${untrustedText(value)}'`);
  if (positive && new Decimal(value).lte(0)) fail(source, `${path}.${key}`, `must be greater than 0, got '${untrustedText(value)}'`);
  return value;
}

function count(obj: Obj, key: string, source: string, path: string): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    fail(source, `${path}.${key}`, `must be a positive integer, got ${untrustedJson(value)}`);
  }
  return value;
}

function flag(obj: Obj, key: string, source: string, path: string): boolean {
  const value = obj[key];
  if (typeof value !== 'boolean') fail(source, `${path}.${key}`, `must be true or false, got ${untrustedJson(value)}`);
  return value;
}

/** The symbol's filters by filterType; a repeated type is an error. */
function filtersByType(item: Obj, source: string, path: string): Map<string, Obj> {
  const list = item['filters'];
  if (!Array.isArray(list)) fail(source, `${path}.filters`, 'must be an array');
  const byType = new Map<string, Obj>();
  list.forEach((raw, i) => {
    const filter = objectAt(raw, source, `${path}.filters[${i}]`);
    const type = text(filter, 'filterType', source, `${path}.filters[${i}]`);
    if (byType.has(type)) fail(source, `${path}.filters[${i}].filterType`, `repeats ${type}`);
    byType.set(type, filter);
  });
  return byType;
}

function required(byType: Map<string, Obj>, type: string, source: string, path: string, why: string): Obj {
  const filter = byType.get(type);
  if (filter === undefined) fail(source, `${path}.filters[${type}]`, `is missing (${why})`);
  return filter;
}

function notionalOf(byType: Map<string, Obj>, market: BinanceMarket, source: string, path: string): BinanceInstrument['notional'] {
  const notional = byType.get('NOTIONAL');
  if (market === 'spot' && notional !== undefined) {
    const at = `${path}.filters[NOTIONAL]`;
    return { filter: 'NOTIONAL', min: decimal(notional, 'minNotional', source, at, false), max: decimal(notional, 'maxNotional', source, at, false) };
  }
  const legacy = byType.get('MIN_NOTIONAL');
  if (legacy === undefined) return null;
  const at = `${path}.filters[MIN_NOTIONAL]`;
  // Spot names the field minNotional (filters.md MIN_NOTIONAL); USD-M names it notional (common-definition MIN_NOTIONAL).
  return { filter: 'MIN_NOTIONAL', min: decimal(legacy, market === 'spot' ? 'minNotional' : 'notional', source, at, false), max: null };
}

function orderTypesOf(item: Obj, source: string, path: string): string[] {
  const value = item['orderTypes'];
  if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) fail(source, `${path}.orderTypes`, 'must be an array of strings');
  return value as string[];
}

function parseSymbol(item: Obj, market: BinanceMarket, source: string, path: string, takenAt: string | null): BinanceInstrument {
  const symbol = text(item, 'symbol', source, path);
  const contractType = item['contractType'];
  if (market === 'usdm' && (typeof contractType !== 'string' || contractType === '')) {
    fail(source, `${path}.contractType`, 'must be a non-empty string (every GET /fapi/v1/exchangeInfo symbol has one; is this a spot response?)');
  }
  if (market === 'spot' && contractType !== undefined) {
    fail(source, `${path}.contractType`, 'is a USD-M field: this looks like a GET /fapi/v1/exchangeInfo response, not spot');
  }
  const byType = filtersByType(item, source, path);
  const priceAt = `${path}.filters[PRICE_FILTER]`;
  const price = required(byType, 'PRICE_FILTER', source, path, 'the simulator needs its tickSize as the price grid');
  const tickSize = decimal(price, 'tickSize', source, priceAt, false);
  // filters.md: "tickSize == 0" disables the tick rule; the simulator cannot price on a grid without one.
  if (new Decimal(tickSize).isZero()) fail(source, `${priceAt}.tickSize`, 'is 0 (tick rule disabled); the simulator needs a positive price grid');
  const lotAt = `${path}.filters[LOT_SIZE]`;
  const lot = required(byType, 'LOT_SIZE', source, path, 'the simulator needs its stepSize as the quantity grid');
  const lotSize = { minQty: decimal(lot, 'minQty', source, lotAt, false), maxQty: decimal(lot, 'maxQty', source, lotAt, true), stepSize: decimal(lot, 'stepSize', source, lotAt, true) };
  const notional = notionalOf(byType, market, source, path);
  const iceberg = market === 'spot' ? byType.get('ICEBERG_PARTS') : undefined;
  const maxOrders = byType.get('MAX_NUM_ORDERS');
  return {
    market,
    spec: {
      symbol,
      baseAsset: text(item, 'baseAsset', source, path),
      quoteAsset: text(item, 'quoteAsset', source, path),
      tickSize,
      lotSize: lotSize.stepSize,
      minQty: lotSize.minQty,
      maxQty: lotSize.maxQty,
      minNotional: notional?.min ?? '0',
    },
    priceFilter: { minPrice: decimal(price, 'minPrice', source, priceAt, false), maxPrice: decimal(price, 'maxPrice', source, priceAt, false), tickSize },
    lotSize,
    notional,
    icebergParts: iceberg === undefined ? null : count(iceberg, 'limit', source, `${path}.filters[ICEBERG_PARTS]`),
    maxNumOrders: maxOrders === undefined ? null : count(maxOrders, market === 'spot' ? 'maxNumOrders' : 'limit', source, `${path}.filters[MAX_NUM_ORDERS]`),
    icebergAllowed: market === 'spot' ? flag(item, 'icebergAllowed', source, path) : false,
    ocoAllowed: market === 'spot' ? flag(item, 'ocoAllowed', source, path) : false,
    orderTypes: orderTypesOf(item, source, path),
    takenAt,
  };
}

/**
 * Parses an exchangeInfo response of `market` (already JSON-parsed). `source` names the file in errors.
 * Only `status: "TRADING"` symbols are kept (spot enums.md / USD-M common-definition symbol status).
 */
export function parseBinanceExchangeInfo(json: unknown, market: BinanceMarket, source: string): BinanceInstrument[] {
  const root = objectAt(json, source, '(top level)');
  const symbols = root['symbols'];
  if (!Array.isArray(symbols) || symbols.length === 0) fail(source, 'symbols', 'must be a non-empty array');
  const time = root['serverTime'];
  const takenAt = typeof time === 'number' && Number.isSafeInteger(time) && time > 0 ? new Date(time).toISOString().slice(0, 10) : null;
  const out: BinanceInstrument[] = [];
  const seen = new Set<string>();
  symbols.forEach((raw, i) => {
    const path = `symbols[${i}]`;
    const item = objectAt(raw, source, path);
    if (text(item, 'status', source, path) !== 'TRADING') return;
    const instrument = parseSymbol(item, market, source, path, takenAt);
    if (seen.has(instrument.spec.symbol)) fail(source, `${path}.symbol`, `repeats ${instrument.spec.symbol}`);
    seen.add(instrument.spec.symbol);
    out.push(instrument);
  });
  if (out.length === 0) fail(source, 'symbols', 'has no symbol with status "TRADING"');
  return out;
}
