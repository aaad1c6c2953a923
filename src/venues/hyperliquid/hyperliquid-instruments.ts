// Reads a Hyperliquid perps `meta` (or `metaAndAssetCtxs`) info response into instruments, naming the exact bad field when the response is wrong.
//
// Shapes: hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals, "Retrieve perpetuals
// metadata (universe and margin tables)" — {"universe": [{"name", "szDecimals", "maxLeverage", "onlyIsolated"?,
// "isDelisted"?, "marginMode"?}], "marginTables": […]} — and "Retrieve perpetuals asset contexts": [meta, [assetCtx…]].
// The grid: "Prices can have up to 5 significant figures, but no more than MAX_DECIMALS - szDecimals decimal places
// where MAX_DECIMALS is 6 for perps … Sizes are rounded to the szDecimals of that asset" (…/for-developers/api/
// tick-and-lot-size). So the tick here is the finest price step, 10^-(6 - szDecimals); the 5-significant-figure rule
// is the venue rules' check (hyperliquid-order-rules.ts), not part of the grid.
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
  /** symbol = coin name ("BTC"), quote USDC; tick 10^-(6 - szDecimals), lot 10^-szDecimals, minNotional 10. */
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

/** The spec of a perp coin of `szDecimals`. */
export function perpSpec(name: string, szDecimals: number): InstrumentSpec {
  const lotSize = powerOfTenStep(szDecimals);
  return {
    symbol: name,
    baseAsset: name,
    quoteAsset: 'USDC',
    tickSize: powerOfTenStep(PERP_MAX_DECIMALS - szDecimals),
    lotSize,
    minQty: lotSize,
    maxQty: HYPERLIQUID_NO_MAX_QTY,
    minNotional: HYPERLIQUID_MIN_ORDER_VALUE,
  };
}

const NAME = /^[A-Za-z0-9:@/_-]{1,32}$/;

function parseCoin(raw: unknown, index: number, source: string): HyperliquidInstrument | null {
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
  return { market: 'perp', asset: index, szDecimals: sz as number, maxLeverage: lev as number, onlyIsolated: isolated === true, spec: perpSpec(name, sz as number) };
}

/**
 * The listed (not delisted) perps of a `meta` response, or of the `[meta, assetCtxs]` pair `metaAndAssetCtxs` returns
 * (already JSON-parsed), in universe order. `source` names the file in errors. Throws only ShadowExecError E_CONFIG.
 */
export function parseHyperliquidMeta(json: unknown, source: string): HyperliquidInstrument[] {
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
    const coin = parseCoin(universe[i], i, source);
    if (coin === null) continue;
    if (seen.has(coin.spec.symbol)) fail(source, `universe[${i}].name`, `repeats ${coin.spec.symbol}`);
    seen.add(coin.spec.symbol);
    out.push(coin);
  }
  if (out.length === 0) fail(source, 'universe', 'lists no coin that is not delisted');
  return out;
}
