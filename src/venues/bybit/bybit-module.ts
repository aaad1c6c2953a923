// What a run on Bybit loads through the venue registry (src/app/venue-modules.ts): catalog, rules, API gate and option checks.
export { BYBIT_BUNDLED_INSTRUMENTS } from './bybit-bundled-instruments.js';
export { parseBybitInstrumentsInfo } from './bybit-instruments.js';
export { BybitApiGate } from './bybit-api-gate.js';
export { BybitVenueRules } from './bybit-venue-rules.js';
export { checkBybitOptions } from './bybit-requests.js';
