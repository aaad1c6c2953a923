// Reads a Hyperliquid perps `meta` (or `metaAndAssetCtxs`) info response into instruments, naming the exact bad field when the response is wrong.
//
// Shapes: hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals, "Retrieve perpetuals
// metadata (universe and margin tables)" — {"universe": [{"name", "szDecimals", "maxLeverage", "onlyIsolated"?,
// "isDelisted"?, "marginMode"?}], "marginTables": […]} — and "Retrieve perpetuals asset contexts": [meta, [assetCtx…]].
// The grid: "Prices can have up to 5 significant figures, but no more than MAX_DECIMALS - szDecimals decimal places
// where MAX_DECIMALS is 6 for perps … Integer prices are always allowed … Sizes are rounded to the szDecimals of that
// asset" (…/for-developers/api/tick-and-lot-size). A Hyperliquid tick therefore depends on the price: 0.1 for ETH in
// [1000, 10000), 1 for BTC above 10000. The simulator needs one fixed tick per instrument, so it takes the tick valid at
// a reference price — the mark price of a saved metaAndAssetCtxs response, or the bundled reference — and at most 1;
// without one, the finest step 10^-(6 - szDecimals). The venue rules check the real rule on every order
// (hyperliquid-order-rules.ts), so a price that moved into another decade is still answered as the venue would.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { InstrumentSpec } from '../../core/model/instrument.js';
import { untrustedJson, untrustedText } from '../../core/text/untrusted-text.js';

/** MAX_DECIMALS of a perp price (tick-and-lot-size). */
export const PERP_MAX_DECIMALS = 6;

/** Minimum order value, USDC: "Order must have minimum value of $10." (error-responses, MinTradeNtl). */
export const HYPERLIQUID_MIN_ORDER_VALUE = '10';

/**
 * The meta response lists no maximum order size (a position is bounded by margin tiers, not simulated): the catalog
 * puts this many units as the spec's maxQty so every quoting size passes.
 */
export const HYPERLIQUID_NO_MAX_QTY = '1000000000';

/** Significant figures a non-integer price may have (tick-and-lot-size). */
const SIGNIFICANT_FIGURES = 5;

/** Longest universe read from a file; the real one has a few hundred coins. */
const MAX_UNIVERSE = 10_000;

/** A perpetual as the simulated Hyperliquid venue enforces it. */
export interface HyperliquidInstrument {
  readonly market: 'perp';
  /** The order's `a`: the coin's index in `universe` (delisted coins keep their index). */
  readonly asset: number;
  /** Decimals of a size; the price may have at most PERP_MAX_DECIMALS - szDecimals. */
  readonly szDecimals: number;
  /** Highest leverage the coin allows (descriptive: leverage and margin are not simulated). */
  readonly maxLeverage: number;
  /** True for isolated-margin-only coins (onlyIsolated). */
  readonly onlyIsolated: boolean;
  /** The price the tick was chosen at (markPx of a metaAndAssetCtxs file, or the bundled reference); null: the finest tick. */
  readonly tickReferencePrice: string | null;
  /** symbol = coin name ("BTC"), quote USDC; tick as above, lot 10^-szDecimals, minNotional 10. */
  readonly spec: InstrumentSpec;
}

function fail(source: string, path: string, expected: string): never {
  throw new ShadowExecError('E_CONFIG', `${source}: ${path} ${expected}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 10^-decimals as a plain decimal string ("1", "0.1", "0.00001"). */
export function powerOfTenStep(decimals: number): string {
  return decimals <= 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
}

/**
 * The decimals of the tick valid at `referencePrice` (a positive plain decimal): 5 significant figures there, no more
 * than 6 - szDecimals, and never fewer than 0 (integers are always valid). null reference: 6 - szDecimals.
 */
export function tickDecimalsAt(referencePrice: string | null, szDecimals: number): number {
  const finest = PERP_MAX_DECIMALS - szDecimals;
  if (referencePrice === null) return finest;
  const [int = '', frac = ''] = referencePrice.split('.');
  const intDigits = int.replace(/^0+/, '').length;
  // Digits before the first significant one, for a price below 1 ("0.00123" → 2).
  const leadingFracZeros = intDigits > 0 ? 0 : frac.length - frac.replace(/^0+/, '').length;
  const decimals = intDigits > 0 ? SIGNIFICANT_FIGURES - intDigits : leadingFracZeros + SIGNIFICANT_FIGURES;
  return Math.max(0, Math.min(finest, decimals));
}

/** The spec of a perp coin of `szDecimals`, its tick chosen at `referencePrice` (null: the finest). */
export function perpSpec(name: string, szDecimals: number, referencePrice: string | null = null): InstrumentSpec {
  const lotSize = powerOfTenStep(szDecimals);
  return {
    symbol: name,
    baseAsset: name,
    quoteAsset: 'USDC',
    tickSize: powerOfTenStep(tickDecimalsAt(referencePrice, szDecimals)),
    lotSize,
    minQty: lotSize,
    maxQty: HYPERLIQUID_NO_MAX_QTY,
    minNotional: HYPERLIQUID_MIN_ORDER_VALUE,
  };
}

const NAME = /^[A-Za-z0-9:@/_-]{1,32}$/;
const PRICE = /^(0|[1-9]\d{0,15})(\.\d{1,16})?$/;

/** markPx of an asset context: a positive plain decimal; null when the context has none (null or absent). */
function markPrice(ctx: unknown, index: number, source: string): string | null {
  if (!isObject(ctx)) fail(source, `[1][${index}]`, 'must be an asset context object');
  const mark = ctx['markPx'];
  if (mark === undefined || mark === null) return null;
  if (typeof mark !== 'string' || !PRICE.test(mark) || !/[1-9]/.test(mark)) fail(source, `[1][${index}].markPx`, `must be a positive plain decimal string, got ${untrustedJson(mark)}`);
  return mark;
}

function parseCoin(raw: unknown, index: number, source: string, referencePrice: string | null): HyperliquidInstrument | null {
  const path = `universe[${index}]`;
  if (!isObject(raw)) fail(source, path, 'must be an object');
  const name = raw['name'];
  if (typeof name !== 'string' || !NAME.test(name)) fail(source, `${path}.name`, `must be a coin name (letters, digits, ':', '@', '/', '_', '-'; at most 32), got ${untrustedJson(name)}`);
  const sz = raw['szDecimals'];
  if (!Number.isInteger(sz) || (sz as number) < 0 || (sz as number) > PERP_MAX_DECIMALS) {
    fail(source, `${path}.szDecimals`, `must be an integer from 0 to ${PERP_MAX_DECIMALS}, got ${untrustedJson(sz)}`);
  }
  const lev = raw['maxLeverage'];
  if (!Number.isInteger(lev) || (lev as number) < 1 || (lev as number) > 1000) fail(source, `${path}.maxLeverage`, `must be an integer from 1 to 1000, got ${untrustedJson(lev)}`);
  const isolated = raw['onlyIsolated'];
  if (isolated !== undefined && typeof isolated !== 'boolean') fail(source, `${path}.onlyIsolated`, `must be a boolean when present, got ${untrustedJson(isolated)}`);
  const delisted = raw['isDelisted'];
  if (delisted !== undefined && typeof delisted !== 'boolean') fail(source, `${path}.isDelisted`, `must be a boolean when present, got ${untrustedJson(delisted)}`);
  if (delisted === true) return null;
  return {
    market: 'perp',
    asset: index,
    szDecimals: sz as number,
    maxLeverage: lev as number,
    onlyIsolated: isolated === true,
    tickReferencePrice: referencePrice,
    spec: perpSpec(name, sz as number, referencePrice),
  };
}

/**
 * The listed (not delisted) perps of a `meta` response, or of the `[meta, assetCtxs]` pair `metaAndAssetCtxs` returns
 * (already JSON-parsed), in universe order. Ticks are chosen at each coin's markPx (metaAndAssetCtxs) or at
 * `referencePrices[coin]` (a bare meta). `source` names the file in errors. Throws only ShadowExecError E_CONFIG.
 */
export function parseHyperliquidMeta(json: unknown, source: string, referencePrices: Readonly<Record<string, string>> = {}): HyperliquidInstrument[] {
  let meta: unknown = json;
  if (Array.isArray(json)) {
    if (json.length !== 2) fail(source, '(top level)', `must be a meta object or a [meta, assetCtxs] pair, got an array of ${json.length}`);
    if (!Array.isArray(json[1])) fail(source, '[1]', `must be the asset contexts array, got ${untrustedText(json[1])}`);
    meta = json[0];
  }
  if (!isObject(meta)) fail(source, Array.isArray(json) ? '[0]' : '(top level)', 'must be a meta object {"universe": […]}');
  const universe = meta['universe'];
  if (!Array.isArray(universe) || universe.length === 0) fail(source, 'universe', 'must be a non-empty array');
  if (universe.length > MAX_UNIVERSE) fail(source, 'universe', `has ${universe.length} coins, more than ${MAX_UNIVERSE}`);
  if (Array.isArray(json) && (json[1] as unknown[]).length !== universe.length) {
    fail(source, '[1]', `must have one asset context per coin (${universe.length}), got ${(json[1] as unknown[]).length}`);
  }
  const out: HyperliquidInstrument[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < universe.length; i++) {
    const name = isObject(universe[i]) ? (universe[i] as Record<string, unknown>)['name'] : undefined;
    const given = typeof name === 'string' && Object.prototype.hasOwnProperty.call(referencePrices, name) ? (referencePrices[name] as string) : null;
    const reference = Array.isArray(json) ? markPrice((json[1] as unknown[])[i], i, source) : given;
    const coin = parseCoin(universe[i], i, source, reference);
    if (coin === null) continue;
    if (seen.has(coin.spec.symbol)) fail(source, `universe[${i}].name`, `repeats ${coin.spec.symbol}`);
    seen.add(coin.spec.symbol);
    out.push(coin);
  }
  if (out.length === 0) fail(source, 'universe', 'lists no coin that is not delisted');
  return out;
}
