// What a run on Binance loads through the venue registry (src/app/venue-modules.ts): catalog, rules, API gate and option checks.
export { BINANCE_BUNDLED_INSTRUMENTS } from './binance-bundled-instruments.js';
export { parseBinanceExchangeInfo } from './binance-instruments.js';
export { BinanceApiGate } from './binance-api-gate.js';
export { BinanceVenueRules } from './binance-venue-rules.js';
export { binanceAmendSupport, checkBinanceOptions } from './binance-requests.js';
