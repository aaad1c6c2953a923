// Reads a saved Bybit /v5/market/instruments-info response into instrument specs, naming the exact bad field when the file is wrong.
import { MAX_DECIMAL_CHARS } from '../../core/money/fast-units.js';
import { untrustedJson, untrustedText } from '../../core/text/untrusted-text.js';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { Decimal, formatDecimal } from '../../core/money/decimal.js';
import type { InstrumentSpec } from '../../core/model/instrument.js';
import type { BybitCategory } from './bybit-category.js';

/** An instrument as the simulated Bybit venue enforces it. */
export interface BybitInstrument {
  readonly category: BybitCategory;
  /** tickSize; lotSize = qtyStep (linear) or basePrecision (spot); minNotional = minNotionalValue (linear) or minOrderAmt (spot). */
  readonly spec: InstrumentSpec;
  /** Linear price band (priceFilter.minPrice/maxPrice); null on spot, which has none in instruments-info. */
  readonly minPrice: string | null;
  readonly maxPrice: string | null;
  /** Largest post-only limit quantity: linear maxOrderQty; spot postOnlyMaxLimitOrderSize, else 5 × maxLimitOrderQty (docs). */
  readonly postOnlyMaxQty: string;
  /** When the response was produced (its `time`, UTC date), or null when the file has none. */
  readonly takenAt: string | null;
}

const DECIMAL = /^\d+(\.\d+)?$/;

function fail(source: string, path: string, expected: string): never {
  throw new ShadowExecError('E_CONFIG', `${source}: ${path} ${expected}`);
}

function objectAt(value: unknown, source: string, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(source, path, 'must be an object');
  return value as Record<string, unknown>;
}

function text(obj: Record<string, unknown>, key: string, source: string, path: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') fail(source, `${path}.${key}`, 'must be a non-empty string');
  return value;
}

function decimal(obj: Record<string, unknown>, key: string, source: string, path: string, positive = true): string {
  const value = text(obj, key, source, path);
  // Longer than any venue decimal (MAX_DECIMAL_CHARS): refused before the regex and decimal.js read all of it.
  if (value.length > MAX_DECIMAL_CHARS) fail(source, `${path}.${key}`, `must be a plain decimal string of at most ${MAX_DECIMAL_CHARS} characters, got ${value.length}`);
  if (!DECIMAL.test(value)) fail(source, `${path}.${key}`, `must be a plain decimal string, got '${untrustedText(value)}'`);
  if (positive && new Decimal(value).lte(0)) fail(source, `${path}.${key}`, `must be greater than 0, got '${untrustedText(value)}'`);
  return value;
}

function optionalDecimal(obj: Record<string, unknown>, key: string, source: string, path: string): string | null {
  return obj[key] === undefined || obj[key] === '' ? null : decimal(obj, key, source, path);
}

function parseLinear(item: Record<string, unknown>, source: string, path: string, takenAt: string | null): BybitInstrument {
  const price = objectAt(item['priceFilter'], source, `${path}.priceFilter`);
  const lot = objectAt(item['lotSizeFilter'], source, `${path}.lotSizeFilter`);
  const maxQty = decimal(lot, 'maxOrderQty', source, `${path}.lotSizeFilter`);
  return {
    category: 'linear',
    spec: {
      symbol: text(item, 'symbol', source, path),
      baseAsset: text(item, 'baseCoin', source, path),
      quoteAsset: text(item, 'quoteCoin', source, path),
      tickSize: decimal(price, 'tickSize', source, `${path}.priceFilter`),
      lotSize: decimal(lot, 'qtyStep', source, `${path}.lotSizeFilter`),
      minQty: decimal(lot, 'minOrderQty', source, `${path}.lotSizeFilter`),
      maxQty,
      minNotional: decimal(lot, 'minNotionalValue', source, `${path}.lotSizeFilter`, false),
    },
    minPrice: decimal(price, 'minPrice', source, `${path}.priceFilter`),
    maxPrice: decimal(price, 'maxPrice', source, `${path}.priceFilter`),
    postOnlyMaxQty: maxQty,
    takenAt,
  };
}

function parseSpot(item: Record<string, unknown>, source: string, path: string, takenAt: string | null): BybitInstrument {
  const price = objectAt(item['priceFilter'], source, `${path}.priceFilter`);
  const lot = objectAt(item['lotSizeFilter'], source, `${path}.lotSizeFilter`);
  const lotPath = `${path}.lotSizeFilter`;
  const basePrecision = decimal(lot, 'basePrecision', source, lotPath);
  const maxLimit = optionalDecimal(lot, 'maxLimitOrderQty', source, lotPath) ?? optionalDecimal(lot, 'maxOrderQty', source, lotPath);
  if (maxLimit === null) fail(source, `${lotPath}.maxLimitOrderQty`, 'must be a non-empty string (or the deprecated maxOrderQty)');
  const postOnlyMax = optionalDecimal(lot, 'postOnlyMaxLimitOrderSize', source, lotPath) ?? formatDecimal(new Decimal(maxLimit).times(5));
  return {
    category: 'spot',
    spec: {
      symbol: text(item, 'symbol', source, path),
      baseAsset: text(item, 'baseCoin', source, path),
      quoteAsset: text(item, 'quoteCoin', source, path),
      tickSize: decimal(price, 'tickSize', source, `${path}.priceFilter`),
      lotSize: basePrecision,
      minQty: basePrecision,
      maxQty: maxLimit,
      minNotional: decimal(lot, 'minOrderAmt', source, lotPath, false),
    },
    minPrice: null,
    maxPrice: null,
    postOnlyMaxQty: postOnlyMax,
    takenAt,
  };
}

/**
 * Parses an instruments-info response (already JSON-parsed) of `category`. `source` names the file in errors.
 * Only `status: "Trading"` symbols are kept, as the endpoint returns by default.
 */
export function parseBybitInstrumentsInfo(json: unknown, category: BybitCategory, source: string): BybitInstrument[] {
  const root = objectAt(json, source, '(top level)');
  if (root['retCode'] !== 0) fail(source, 'retCode', `must be 0 (a successful response), got ${untrustedJson(root['retCode'])}`);
  const result = objectAt(root['result'], source, 'result');
  if (result['category'] !== category) {
    fail(source, 'result.category', `must be '${category}' for --category ${category}, got ${untrustedJson(result['category'])}`);
  }
  const list = result['list'];
  if (!Array.isArray(list) || list.length === 0) fail(source, 'result.list', 'must be a non-empty array');
  const time = root['time'];
  const takenAt = typeof time === 'number' && Number.isSafeInteger(time) && time > 0 ? new Date(time).toISOString().slice(0, 10) : null;
  const out: BybitInstrument[] = [];
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    const path = `result.list[${i}]`;
    const item = objectAt(raw, source, path);
    if (item['status'] !== undefined && item['status'] !== 'Trading') return;
    const instrument = category === 'linear' ? parseLinear(item, source, path, takenAt) : parseSpot(item, source, path, takenAt);
    if (seen.has(instrument.spec.symbol)) fail(source, `${path}.symbol`, `repeats ${instrument.spec.symbol}`);
    seen.add(instrument.spec.symbol);
    out.push(instrument);
  });
  return out;
}
