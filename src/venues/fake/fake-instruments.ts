// Built-in instruments of the fake venue: linear-perpetual style grids and realistic start prices (as of 2025-01-01).
import type { InstrumentSpec } from '../../core/model/instrument.js';

export interface FakeInstrumentDefaults extends InstrumentSpec {
  /** Default start price of the synthetic market, quote currency. */
  readonly startPrice: string;
  /** Default volatility of the synthetic mid, bps per market update (σ of one step). */
  readonly volatilityBps: string;
  /** Default spread of the synthetic market, ticks. */
  readonly marketSpreadTicks: number;
}

function spec(
  symbol: string,
  base: string,
  tickSize: string,
  lotSize: string,
  maxQty: string,
  startPrice: string,
  volatilityBps: string,
  marketSpreadTicks: number,
): FakeInstrumentDefaults {
  return {
    symbol,
    baseAsset: base,
    quoteAsset: 'USDT',
    tickSize,
    lotSize,
    minQty: lotSize,
    maxQty,
    minNotional: '5',
    startPrice,
    volatilityBps,
    marketSpreadTicks,
  };
}

/** In the order `--symbols` help lists them. */
export const FAKE_INSTRUMENTS: readonly FakeInstrumentDefaults[] = [
  spec('BTCUSDT', 'BTC', '0.1', '0.001', '100', '93500', '0.5', 1),
  spec('ETHUSDT', 'ETH', '0.01', '0.01', '1000', '3350', '0.7', 1),
  spec('SOLUSDT', 'SOL', '0.01', '0.1', '10000', '190', '1', 1),
  spec('BNBUSDT', 'BNB', '0.01', '0.01', '1000', '700', '0.6', 2),
  spec('XRPUSDT', 'XRP', '0.0001', '1', '1000000', '2.08', '1', 1),
  spec('DOGEUSDT', 'DOGE', '0.00001', '1', '10000000', '0.315', '1.2', 1),
  spec('ADAUSDT', 'ADA', '0.0001', '1', '1000000', '0.85', '1.1', 1),
  spec('LINKUSDT', 'LINK', '0.001', '0.1', '100000', '20.5', '1.1', 2),
  spec('LTCUSDT', 'LTC', '0.01', '0.1', '10000', '103', '0.9', 1),
  spec('AVAXUSDT', 'AVAX', '0.001', '0.1', '100000', '36', '1.2', 2),
];

export function findFakeInstrument(symbol: string): FakeInstrumentDefaults | undefined {
  return FAKE_INSTRUMENTS.find((i) => i.symbol === symbol);
}
