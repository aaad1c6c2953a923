// Instrument specs bundled with shadow-exec, stored as instruments-info responses so they load through the same parser as --instruments FILE.
import type { BybitCategory } from './bybit-category.js';

/** A bundled response and where its numbers come from (shown in the report's model section). */
export interface BundledInstruments {
  readonly provenance: string;
  readonly response: unknown;
}

/**
 * BTCUSDT entries are the official response examples of docs/v5/market/instrument.mdx (bybit-exchange/docs),
 * stamped with their own `time` (linear 2025-01-02, spot 2025-10-09). ETHUSDT and SOLUSDT are not in the docs:
 * their values are Bybit mainnet's as commonly published in 2025 and were not checked against a stored response
 * here, so they carry no `time`. Limits change (Bybit adjusts max quantities twice a month): for anything that
 * matters, save a fresh response and pass it with --instruments.
 */
export const BYBIT_BUNDLED_INSTRUMENTS: Readonly<Record<BybitCategory, readonly BundledInstruments[]>> = {
  linear: [
    {
      provenance: 'bybit-exchange/docs docs/v5/market/instrument.mdx, linear response example',
      response: {
        retCode: 0,
        retMsg: 'OK',
        result: {
          category: 'linear',
          list: [
            {
              symbol: 'BTCUSDT',
              contractType: 'LinearPerpetual',
              status: 'Trading',
              baseCoin: 'BTC',
              quoteCoin: 'USDT',
              priceScale: '2',
              priceFilter: { minPrice: '0.10', maxPrice: '1999999.80', tickSize: '0.10' },
              lotSizeFilter: {
                maxOrderQty: '1190.000',
                minOrderQty: '0.001',
                qtyStep: '0.001',
                postOnlyMaxOrderQty: '1190.000',
                maxMktOrderQty: '500.000',
                minNotionalValue: '5',
              },
            },
          ],
          nextPageCursor: '',
        },
        retExtInfo: {},
        time: 1735809771618,
      },
    },
    {
      provenance: 'Bybit mainnet values as commonly published in 2025; not verified against a stored response',
      response: {
        retCode: 0,
        retMsg: 'OK',
        result: {
          category: 'linear',
          list: [
            {
              symbol: 'ETHUSDT',
              contractType: 'LinearPerpetual',
              status: 'Trading',
              baseCoin: 'ETH',
              quoteCoin: 'USDT',
              priceScale: '2',
              priceFilter: { minPrice: '0.01', maxPrice: '199999.98', tickSize: '0.01' },
              lotSizeFilter: { maxOrderQty: '7240.00', minOrderQty: '0.01', qtyStep: '0.01', maxMktOrderQty: '1000.00', minNotionalValue: '5' },
            },
            {
              symbol: 'SOLUSDT',
              contractType: 'LinearPerpetual',
              status: 'Trading',
              baseCoin: 'SOL',
              quoteCoin: 'USDT',
              priceScale: '3',
              priceFilter: { minPrice: '0.010', maxPrice: '19999.980', tickSize: '0.010' },
              lotSizeFilter: { maxOrderQty: '79770.0', minOrderQty: '0.1', qtyStep: '0.1', maxMktOrderQty: '7000.0', minNotionalValue: '5' },
            },
          ],
          nextPageCursor: '',
        },
        retExtInfo: {},
      },
    },
  ],
  spot: [
    {
      provenance: 'bybit-exchange/docs docs/v5/market/instrument.mdx, spot response example',
      response: {
        retCode: 0,
        retMsg: 'OK',
        result: {
          category: 'spot',
          list: [
            {
              symbolId: 9,
              symbol: 'BTCUSDT',
              baseCoin: 'BTC',
              quoteCoin: 'USDT',
              status: 'Trading',
              lotSizeFilter: {
                basePrecision: '0.000001',
                quotePrecision: '0.0000001',
                minOrderQty: '0.000011',
                maxOrderQty: '83',
                minOrderAmt: '5',
                maxOrderAmt: '8000000',
                maxLimitOrderQty: '83',
                maxMarketOrderQty: '41.5',
                postOnlyMaxLimitOrderSize: '60000',
              },
              priceFilter: { tickSize: '0.1' },
            },
          ],
        },
        retExtInfo: {},
        time: 1760027412300,
      },
    },
    {
      provenance: 'Bybit mainnet values as commonly published in 2025; not verified against a stored response',
      response: {
        retCode: 0,
        retMsg: 'OK',
        result: {
          category: 'spot',
          list: [
            {
              symbol: 'ETHUSDT',
              baseCoin: 'ETH',
              quoteCoin: 'USDT',
              status: 'Trading',
              lotSizeFilter: { basePrecision: '0.00001', quotePrecision: '0.0000001', minOrderAmt: '5', maxLimitOrderQty: '1229.2' },
              priceFilter: { tickSize: '0.01' },
            },
            {
              symbol: 'SOLUSDT',
              baseCoin: 'SOL',
              quoteCoin: 'USDT',
              status: 'Trading',
              lotSizeFilter: { basePrecision: '0.001', quotePrecision: '0.0000001', minOrderAmt: '5', maxLimitOrderQty: '24000' },
              priceFilter: { tickSize: '0.01' },
            },
          ],
        },
        retExtInfo: {},
      },
    },
  ],
};
