// Instrument specs shared by the unit tests: a BTCUSDT-like spec (tick 0.1, lot 0.001, min qty 0.001, max qty 100, min notional 5).
import type { InstrumentSpec } from '../../src/core/model/instrument.js';

export const BTCUSDT_SPEC: InstrumentSpec = {
  symbol: 'BTCUSDT',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  tickSize: '0.1',
  lotSize: '0.001',
  minQty: '0.001',
  maxQty: '100',
  minNotional: '5',
};
