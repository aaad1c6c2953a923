// Instrument filters bundled with shadow-exec, stored as exchangeInfo responses so they load through the same parser as --instruments FILE.
import type { BinanceExchangeInfoWire, BinanceSymbolFilterWire } from './binance-exchange-info-wire.js';
import type { BinanceMarket } from './binance-market.js';

/** A bundled response and where its numbers come from (shown in the report's model section). */
export interface BinanceBundledInstruments {
  readonly provenance: string;
  readonly response: BinanceExchangeInfoWire;
}

/**
 * Neither docs example covers these symbols: the spot docs' exchangeInfo example is ETHBTC with its filters left empty
 * (binance/binance-spot-api-docs rest-api.md), the USD-M one is BLZUSDT (usds-margined-futures Exchange-Information);
 * both are used by the tests, not bundled. The filter shapes follow filters.md (spot) and the USD-M common-definition
 * "Filters" section; the values are Binance mainnet's as commonly published in 2024–2025 and were NOT checked against a
 * stored response, so the responses carry no `serverTime` (takenAt null). Binance changes filters (USD-M price bands
 * move with the market): for anything that matters, save a fresh response and pass it with --instruments.
 */
const UNVERIFIED = 'Binance mainnet filter values as commonly published in 2024-2025; NOT verified against a stored exchangeInfo response (no serverTime, taken_at null)';

const SPOT_ORDER_TYPES = ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'];
const USDM_ORDER_TYPES = ['LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET'];

function spotSymbol(symbol: string, baseAsset: string, filters: readonly BinanceSymbolFilterWire[]): unknown {
  return {
    symbol,
    status: 'TRADING',
    baseAsset,
    baseAssetPrecision: 8,
    quoteAsset: 'USDT',
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    orderTypes: SPOT_ORDER_TYPES,
    icebergAllowed: true,
    ocoAllowed: true,
    isSpotTradingAllowed: true,
    filters,
  };
}

function usdmSymbol(symbol: string, baseAsset: string, filters: readonly BinanceSymbolFilterWire[]): unknown {
  return {
    symbol,
    pair: symbol,
    contractType: 'PERPETUAL',
    status: 'TRADING',
    baseAsset,
    quoteAsset: 'USDT',
    marginAsset: 'USDT',
    filters,
    orderTypes: USDM_ORDER_TYPES,
    timeInForce: ['GTC', 'IOC', 'FOK', 'GTX'],
  };
}

export const BINANCE_BUNDLED_INSTRUMENTS: Readonly<Record<BinanceMarket, readonly BinanceBundledInstruments[]>> = {
  spot: [
    {
      provenance: UNVERIFIED,
      response: {
        timezone: 'UTC',
        symbols: [
          spotSymbol('BTCUSDT', 'BTC', [
            { filterType: 'PRICE_FILTER', minPrice: '0.01000000', maxPrice: '1000000.00000000', tickSize: '0.01000000' },
            { filterType: 'LOT_SIZE', minQty: '0.00001000', maxQty: '9000.00000000', stepSize: '0.00001000' },
            { filterType: 'ICEBERG_PARTS', limit: 10 },
            { filterType: 'NOTIONAL', minNotional: '5.00000000', applyMinToMarket: true, maxNotional: '9000000.00000000', applyMaxToMarket: false, avgPriceMins: 5 },
            { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
          ]),
          spotSymbol('ETHUSDT', 'ETH', [
            { filterType: 'PRICE_FILTER', minPrice: '0.01000000', maxPrice: '1000000.00000000', tickSize: '0.01000000' },
            { filterType: 'LOT_SIZE', minQty: '0.00010000', maxQty: '9000.00000000', stepSize: '0.00010000' },
            { filterType: 'ICEBERG_PARTS', limit: 10 },
            { filterType: 'NOTIONAL', minNotional: '5.00000000', applyMinToMarket: true, maxNotional: '9000000.00000000', applyMaxToMarket: false, avgPriceMins: 5 },
            { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
          ]),
          spotSymbol('SOLUSDT', 'SOL', [
            { filterType: 'PRICE_FILTER', minPrice: '0.01000000', maxPrice: '10000.00000000', tickSize: '0.01000000' },
            { filterType: 'LOT_SIZE', minQty: '0.00100000', maxQty: '9000000.00000000', stepSize: '0.00100000' },
            { filterType: 'ICEBERG_PARTS', limit: 10 },
            { filterType: 'NOTIONAL', minNotional: '5.00000000', applyMinToMarket: true, maxNotional: '9000000.00000000', applyMaxToMarket: false, avgPriceMins: 5 },
            { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
          ]),
        ],
      },
    },
  ],
  usdm: [
    {
      provenance: UNVERIFIED,
      response: {
        timezone: 'UTC',
        symbols: [
          usdmSymbol('BTCUSDT', 'BTC', [
            { filterType: 'PRICE_FILTER', minPrice: '556.80', maxPrice: '4529764', tickSize: '0.10' },
            { filterType: 'LOT_SIZE', minQty: '0.001', maxQty: '1000', stepSize: '0.001' },
            { filterType: 'MAX_NUM_ORDERS', limit: 200 },
            { filterType: 'MIN_NOTIONAL', notional: '100' },
          ]),
          usdmSymbol('ETHUSDT', 'ETH', [
            { filterType: 'PRICE_FILTER', minPrice: '39.86', maxPrice: '306177', tickSize: '0.01' },
            { filterType: 'LOT_SIZE', minQty: '0.001', maxQty: '10000', stepSize: '0.001' },
            { filterType: 'MAX_NUM_ORDERS', limit: 200 },
            { filterType: 'MIN_NOTIONAL', notional: '20' },
          ]),
          usdmSymbol('SOLUSDT', 'SOL', [
            { filterType: 'PRICE_FILTER', minPrice: '0.4200', maxPrice: '6857', tickSize: '0.0100' },
            { filterType: 'LOT_SIZE', minQty: '1', maxQty: '1000000', stepSize: '1' },
            { filterType: 'MAX_NUM_ORDERS', limit: 200 },
            { filterType: 'MIN_NOTIONAL', notional: '5' },
          ]),
        ],
      },
    },
  ],
};
