// The bundled perps catalog: a real `{"type": "meta"}` info response (BTC, ETH, SOL and 25 more), read by the same parser as a saved file.
//
// Verbatim response body recorded by the official python SDK's test cassette: hyperliquid-dex/hyperliquid-python-sdk
// @ 7ee976d, tests/cassettes/info_test/test_get_l2_snapshot.yaml, first interaction (POST https://api.hyperliquid.xyz/info,
// body {"type": "meta"}, answered Mon, 17 Jul 2023 21:43:21 GMT). Asset indexes (an order's `a`) are positions in
// `universe` and never change (BTC 0, ETH 1, SOL 5); szDecimals are current for BTC 5, ETH 4, SOL 2. maxLeverage has
// moved since (the response says 50 for every coin): it is descriptive only here — leverage is not simulated.
// `--instruments FILE` takes a newer saved meta or metaAndAssetCtxs response.

/** When the bundled response was produced (the cassette's Date header), for the report. */
export const HYPERLIQUID_BUNDLED_META_DATE = '2023-07-17';

/** The response body as recorded. */
export const HYPERLIQUID_BUNDLED_META_JSON = '{"universe":[{"maxLeverage":50,"name":"BTC","szDecimals":5},{"maxLeverage":50,"name":"ETH","szDecimals":4},{"maxLeverage":50,"name":"ATOM","szDecimals":2},{"maxLeverage":50,"name":"MATIC","szDecimals":1},{"maxLeverage":50,"name":"DYDX","szDecimals":1},{"maxLeverage":50,"name":"SOL","szDecimals":2},{"maxLeverage":50,"name":"AVAX","szDecimals":2},{"maxLeverage":50,"name":"BNB","szDecimals":3},{"maxLeverage":50,"name":"APE","szDecimals":1},{"maxLeverage":50,"name":"OP","szDecimals":1},{"maxLeverage":50,"name":"LTC","szDecimals":2},{"maxLeverage":50,"name":"ARB","szDecimals":1},{"maxLeverage":50,"name":"DOGE","szDecimals":0},{"maxLeverage":50,"name":"INJ","szDecimals":1},{"maxLeverage":50,"name":"SUI","szDecimals":1},{"maxLeverage":50,"name":"kPEPE","szDecimals":0},{"maxLeverage":50,"name":"CRV","szDecimals":1},{"maxLeverage":50,"name":"LDO","szDecimals":1},{"maxLeverage":50,"name":"LINK","szDecimals":1},{"maxLeverage":50,"name":"STX","szDecimals":1},{"maxLeverage":50,"name":"RNDR","szDecimals":1},{"maxLeverage":50,"name":"CFX","szDecimals":0},{"maxLeverage":50,"name":"FTM","szDecimals":0},{"maxLeverage":50,"name":"GMX","szDecimals":2},{"maxLeverage":50,"name":"SNX","szDecimals":1},{"maxLeverage":50,"name":"XRP","szDecimals":0},{"maxLeverage":50,"name":"BCH","szDecimals":3},{"maxLeverage":50,"name":"APT","szDecimals":2}]}';

/**
 * Reference prices the bundled coins' ticks are chosen at (hyperliquid-instruments.ts): the project's synthetic start
 * prices of the same coins (BTCUSDT 93500, ETHUSDT 3350, SOLUSDT 190 on the fake venue) — BTC tick 1, ETH 0.1, SOL 0.01.
 * Other bundled coins have none: their finest tick.
 */
export const HYPERLIQUID_BUNDLED_REFERENCE_PRICES: Readonly<Record<string, string>> = { BTC: '93500', ETH: '3350', SOL: '190' };
