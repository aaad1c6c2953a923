// Instrument specs (tick/lot grids) for the venue-parser tests: the symbols of the Binance capture, the Binance and Bybit doc examples and the Bybit samples.
//
// Binance capture (2021-10-11): the 2021 exchangeInfo is not available, so each grid is the FINEST
// grid seen in the capture and its REST snapshots (decimals of every price and quantity), e.g. NKNUSDT
// has resting levels at 5 decimals ("0.25974000") although the live book moved at 4. Doc-example
// grids are likewise the finest grid the examples need. Bybit linear grids are Bybit's published
// instrument values (BTCUSDT 0.1/0.001, LTCUSDT 0.01/0.1, BTCPERP 0.1/0.001, inverse BTCUSD 0.5/1).
import type { InstrumentSpec } from '../../src/core/model/instrument.js';

/** A spec whose only meaningful fields are the tick and lot size (min qty = one lot, no notional floor). */
export function gridSpec(symbol: string, baseAsset: string, quoteAsset: string, tickSize: string, lotSize: string): InstrumentSpec {
  return { symbol, baseAsset, quoteAsset, tickSize, lotSize, minQty: lotSize, maxQty: '1000000000', minNotional: '0' };
}

/** Finest grids seen in binance_spot_ws_capture_cryptofeed_2021-10-11.txt + its REST snapshots. */
export const BINANCE_CAPTURE_SPECS: readonly InstrumentSpec[] = [
  gridSpec('NKNUSDT', 'NKN', 'USDT', '0.00001', '0.1'),
  gridSpec('BLZETH', 'BLZ', 'ETH', '0.00000001', '1'),
  gridSpec('LRCBTC', 'LRC', 'BTC', '0.00000001', '1'),
  gridSpec('RUNEEUR', 'RUNE', 'EUR', '0.001', '0.1'),
];

/** Finest grids the Binance spot and USDⓈ-M doc examples need. */
export const BINANCE_DOC_SPECS: readonly InstrumentSpec[] = [
  gridSpec('BNBBTC', 'BNB', 'BTC', '0.0001', '1'),
  gridSpec('BNBUSDT', 'BNB', 'USDT', '0.0001', '0.01'),
  gridSpec('BTCUSDT', 'BTC', 'USDT', '0.0001', '0.001'),
];

/** Bybit V5 linear (and the inverse symbols of the tardis samples, same message format). */
export const BYBIT_LINEAR_SPECS: readonly InstrumentSpec[] = [
  gridSpec('BTCUSDT', 'BTC', 'USDT', '0.1', '0.001'),
  gridSpec('LTCUSDT', 'LTC', 'USDT', '0.01', '0.1'),
  gridSpec('BTCPERP', 'BTC', 'USDC', '0.1', '0.001'),
  gridSpec('BTC-26DEC25', 'BTC', 'USDT', '0.5', '0.001'),
  gridSpec('BTCUSD', 'BTC', 'USD', '0.5', '1'),
  gridSpec('BTCUSDU23', 'BTC', 'USD', '0.5', '1'),
];

/** Bybit V5 spot BTCUSDT (tick 0.01, lot 0.000001). */
export const BYBIT_SPOT_SPECS: readonly InstrumentSpec[] = [gridSpec('BTCUSDT', 'BTC', 'USDT', '0.01', '0.000001')];
