// Covers CcxtVenueRules and the ccxt order options: limits as integer filters with ccxt's unified error classes as codes, and options read from the class's features.
import { describe, expect, it } from 'vitest';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import type { OrderRequest } from '../../../src/core/model/order.js';
import { checkOrderOptions, orderSupport, supportedWords } from '../../../src/venues/ccxt/ccxt-order-options.js';
import type { CcxtInstrumentDetails } from '../../../src/venues/ccxt/ccxt-instruments.js';
import { CcxtVenueRules } from '../../../src/venues/ccxt/ccxt-venue-rules.js';

const instrument = buildInstrument({ symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQty: '0.00001', maxQty: '9000', minNotional: '5' });
const details: CcxtInstrumentDetails = { id: 'BTCUSDT', type: 'spot', settlement: 'spot', contractSize: '1', venueLot: '0.00001', minPrice: '0.01', maxPrice: '1000000', maxCost: '9000000', maker: '0.001', taker: '0.001', offGrid: [] };
const rules = new CcxtVenueRules('ccxt:binance', { makerPpm: 1000, takerPpm: 1000 }, new Map([['BTC/USDT', details]]));
const order = (priceTicks: number, qtyLots: number): OrderRequest => ({ symbol: 'BTC/USDT', symbolIndex: 0 as never, side: 'BUY', priceTicks, qtyLots, quoteMidTicks: priceTicks });

describe('CcxtVenueRules', () => {
  it('accepts an order inside every limit', () => {
    expect(rules.validate(order(9_500_000, 100), instrument)).toBeNull();
  });

  it('rejects price, amount and cost limits with ccxt.InvalidOrder and the limit named', () => {
    expect(rules.validate(order(0, 100), instrument)?.message).toBe('price must be positive');
    expect(rules.validate(order(100_000_001, 100), instrument)).toMatchObject({ code: 'ccxt.InvalidOrder', message: 'price above limits.price.max' });
    expect(rules.validate(order(9_500_000, 900_000_001), instrument)).toMatchObject({ code: 'ccxt.InvalidOrder', message: 'amount above limits.amount.max' });
    expect(rules.validate(order(9_500_000, 1), instrument)).toMatchObject({ code: 'ccxt.InvalidOrder', message: 'cost below limits.cost.min' });
    expect(rules.validate(order(100_000_000, 10_000_000), instrument)).toMatchObject({ code: 'ccxt.InvalidOrder', message: 'cost above limits.cost.max' });
  });

  it('answers cancels, post-only and timestamps with ccxt unified classes', () => {
    expect(rules.cancelRejected('ALREADY_FILLED').code).toBe('ccxt.OrderNotFound');
    expect(rules.postOnlyWouldTake()).toEqual({ kind: 'reject', reject: { code: 'ccxt.OrderImmediatelyFillable', message: 'post-only order would take liquidity' } });
    expect(rules.timestampRejected(0, 100_000, 5000)?.code).toBe('ccxt.InvalidNonce');
  });
});

describe('orderSupport', () => {
  const features = { spot: { createOrder: { timeInForce: { GTC: true, IOC: true, FOK: false, PO: true } } }, swap: { linear: { createOrder: { timeInForce: { GTC: true, IOC: true, FOK: true, PO: false } } } } };

  it('reads time in force and post-only from features.<market>[.linear].createOrder; reduceOnly on swaps', () => {
    expect(supportedWords(orderSupport(features, 'spot'))).toEqual(['postOnly', 'timeInForce=GTC|IOC']);
    expect(supportedWords(orderSupport(features, 'swap'))).toEqual(['reduceOnly', 'timeInForce=GTC|IOC|FOK']);
    expect(orderSupport(features, 'swap').source).toBe('features.swap.linear.createOrder');
    expect(orderSupport({}, 'spot')).toEqual({ timeInForce: ['GTC'], postOnly: false, reduceOnly: false, source: 'features.spot (none declared: GTC only)' });
  });

  it('refuses a time in force the features mark false', () => {
    expect(() => checkOrderOptions(orderSupport(features, 'spot'), 'ccxt:x spot', { timeInForce: 'FOK', postOnly: false, reduceOnly: false })).toThrow('timeInForce=FOK is not supported by ccxt:x spot (features.spot.createOrder: GTC, IOC)');
  });
});
