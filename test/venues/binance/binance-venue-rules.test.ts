// Covers checkBinanceOrder (spot -1013 filter failures and -2010 iceberg checks, USD-M filter codes, boundaries, disabled rules, evaluation order) and BinanceVenueRules (rendering from integer requests, context, outcomes).
import { describe, it, expect } from 'vitest';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import type { OrderRequest } from '../../../src/core/model/order.js';
import type { BinanceInstrument } from '../../../src/venues/binance/binance-instruments.js';
import { BINANCE_USDM_AMEND_BELOW_FILLED, BinanceVenueRules } from '../../../src/venues/binance/binance-venue-rules.js';
import { checkBinanceOrder, type BinanceOrderFields } from '../../../src/venues/binance/binance-order-filters.js';
import { bundled } from '../../helpers/binance-instruments.js';

const SPOT_BTC = bundled('spot', 'BTCUSDT'); // price 0.01..1000000 tick 0.01; qty 0.00001..9000 step 0.00001; NOTIONAL 5..9000000; 10 parts; 200 orders
const USDM_BTC = bundled('usdm', 'BTCUSDT'); // price 556.80..4529764 tick 0.10; qty 0.001..1000 step 0.001; MIN_NOTIONAL 100; 200 orders

function spot(price: string, qty: string, icebergQty: string | null = null, open = 0, instrument: BinanceInstrument = SPOT_BTC): string | null {
  const error = checkBinanceOrder({ price, qty, icebergQty }, instrument, open);
  return error === null ? null : `${error.code} ${error.msg}`;
}

function usdm(fields: Partial<BinanceOrderFields> & { price: string; qty: string }, open = 0, instrument: BinanceInstrument = USDM_BTC): string | null {
  const error = checkBinanceOrder({ icebergQty: null, ...fields }, instrument, open);
  return error === null ? null : `${error.code} ${error.msg}`;
}

describe('checkBinanceOrder on spot (filters.md)', () => {
  it('accepts orders on every boundary', () => {
    expect(spot('0.01', '500')).toBeNull(); // minPrice; notional exactly 5
    expect(spot('1000000.00', '0.00001')).toBeNull(); // maxPrice; minQty
    expect(spot('1000.00', '9000')).toBeNull(); // maxQty; notional 9000000 = maxNotional
  });

  it('fails PRICE_FILTER below minPrice, above maxPrice and off the tick', () => {
    expect(spot('0.009', '1000')).toBe('-1013 Filter failure: PRICE_FILTER');
    expect(spot('1000000.01', '0.00001')).toBe('-1013 Filter failure: PRICE_FILTER');
    expect(spot('100.005', '1')).toBe('-1013 Filter failure: PRICE_FILTER');
  });

  it('skips minPrice and maxPrice when they are 0, and checks the tick as price % tickSize', () => {
    const open: BinanceInstrument = { ...SPOT_BTC, priceFilter: { minPrice: '0.00000000', maxPrice: '0.00000000', tickSize: '0.01000000' }, notional: null };
    expect(spot('0.001', '1', null, 0, open)).toBe('-1013 Filter failure: PRICE_FILTER');
    expect(spot('0.01', '1', null, 0, open)).toBeNull();
    expect(spot('2000000.00', '0.00001', null, 0, open)).toBeNull();
    // Current spot rule is price % tickSize (CHANGELOG 2022-02-24), not (price - minPrice) % tickSize.
    const offsetMin: BinanceInstrument = { ...SPOT_BTC, priceFilter: { minPrice: '0.05', maxPrice: '0', tickSize: '0.1' }, notional: null };
    expect(spot('1.05', '1', null, 0, offsetMin)).toBe('-1013 Filter failure: PRICE_FILTER');
    expect(spot('1.1', '1', null, 0, offsetMin)).toBeNull();
  });

  it('fails LOT_SIZE below minQty, above maxQty and off the step', () => {
    expect(spot('100000.00', '0.000009')).toBe('-1013 Filter failure: LOT_SIZE');
    expect(spot('1.00', '9000.00001')).toBe('-1013 Filter failure: LOT_SIZE');
    expect(spot('100000.00', '0.000015')).toBe('-1013 Filter failure: LOT_SIZE');
  });

  it('fails NOTIONAL below minNotional and above maxNotional, naming the filter in force', () => {
    expect(spot('100.00', '0.04999')).toBe('-1013 Filter failure: NOTIONAL');
    expect(spot('100.00', '0.05')).toBeNull();
    expect(spot('1000000.00', '9.00001')).toBe('-1013 Filter failure: NOTIONAL');
    const legacy: BinanceInstrument = { ...SPOT_BTC, notional: { filter: 'MIN_NOTIONAL', min: '5.00000000', max: null } };
    expect(spot('100.00', '0.04999', null, 0, legacy)).toBe('-1013 Filter failure: MIN_NOTIONAL');
    expect(spot('1000000.00', '9.00001', null, 0, legacy)).toBeNull();
  });

  it('applies LOT_SIZE to icebergQty and ICEBERG_PARTS as CEIL(qty / icebergQty) <= limit', () => {
    expect(spot('100000.00', '1', '0.1')).toBeNull(); // 10 parts = limit
    expect(spot('100000.00', '1', '0.09999')).toBe('-1013 Filter failure: ICEBERG_PARTS'); // ceil(10.001) = 11
    expect(spot('100000.00', '1', '0.000005')).toBe('-1013 Filter failure: LOT_SIZE');
    expect(spot('100000.00', '1', '0.100005')).toBe('-1013 Filter failure: LOT_SIZE');
  });

  it('answers the matching-engine iceberg checks with -2010 after the filters', () => {
    expect(spot('100000.00', '1', '1')).toBe('-2010 IcebergQty exceeds QTY.');
    expect(spot('100000.00', '1', '1.5')).toBe('-2010 IcebergQty exceeds QTY.');
    const noIceberg: BinanceInstrument = { ...SPOT_BTC, icebergAllowed: false };
    expect(spot('100000.00', '1', '0.5', 0, noIceberg)).toBe('-2010 Iceberg orders are not supported for this symbol.');
    expect(spot('100000.00', '1', '0.05', 0, noIceberg)).toBe('-1013 Filter failure: ICEBERG_PARTS');
  });

  it('fails MAX_NUM_ORDERS when the open orders plus the new ones exceed maxNumOrders', () => {
    expect(spot('100000.00', '0.001', null, 199)).toBeNull();
    expect(spot('100000.00', '0.001', null, 200)).toBe('-1013 Filter failure: MAX_NUM_ORDERS');
    expect(checkBinanceOrder({ price: '100000.00', qty: '0.001', icebergQty: null }, SPOT_BTC, 198, 2)).toBeNull();
    expect(checkBinanceOrder({ price: '100000.00', qty: '0.001', icebergQty: null }, SPOT_BTC, 199, 2)?.msg).toBe('Filter failure: MAX_NUM_ORDERS');
  });

  it('reports the first failing filter in filters.md order: PRICE_FILTER, LOT_SIZE, NOTIONAL, ICEBERG_PARTS, MAX_NUM_ORDERS', () => {
    expect(spot('0.001', '0.000001', null, 500)).toBe('-1013 Filter failure: PRICE_FILTER');
    expect(spot('1.00', '0.000001', null, 500)).toBe('-1013 Filter failure: LOT_SIZE');
    expect(spot('1.00', '1', '0.01', 500)).toBe('-1013 Filter failure: NOTIONAL');
    expect(spot('100.00', '1', '0.01', 500)).toBe('-1013 Filter failure: ICEBERG_PARTS');
  });
});

describe('checkBinanceOrder on USD-M (common-definition filters, error-code)', () => {
  it('accepts orders on every boundary', () => {
    expect(usdm({ price: '556.80', qty: '0.180' })).toBeNull(); // minPrice; notional 100.224
    expect(usdm({ price: '100000.0', qty: '0.001' })).toBeNull(); // notional exactly 100
    expect(usdm({ price: '4529764.0', qty: '1000' })).toBeNull(); // maxPrice; maxQty
  });

  it('answers -4013 below minPrice, -4002 above maxPrice, -4014 off the tick', () => {
    expect(usdm({ price: '556.70', qty: '1' })).toBe('-4013 Price less than min price.');
    expect(usdm({ price: '4529764.1', qty: '0.001' })).toBe('-4002 Price greater than max price.');
    expect(usdm({ price: '60000.05', qty: '0.01' })).toBe('-4014 Price not increased by tick size.');
  });

  it('measures the tick from minPrice: (price - minPrice) % tickSize == 0', () => {
    const offsetMin: BinanceInstrument = { ...USDM_BTC, priceFilter: { minPrice: '0.05', maxPrice: '0', tickSize: '0.1' }, notional: null };
    expect(usdm({ price: '1.05', qty: '1' }, 0, offsetMin)).toBeNull();
    expect(usdm({ price: '1.1', qty: '1' }, 0, offsetMin)).toBe('-4014 Price not increased by tick size.');
  });

  it('answers -4004 below minQty, -4005 above maxQty, -4023 off the step', () => {
    expect(usdm({ price: '600000.0', qty: '0.0009' })).toBe('-4004 Quantity less than min quantity.');
    expect(usdm({ price: '60000.0', qty: '1000.001' })).toBe('-4005 Quantity greater than max quantity.');
    expect(usdm({ price: '60000.0', qty: '0.0015' })).toBe('-4023 Qty not increased by step size.');
  });

  it('answers -4164 with the minimum filled in, except for reduce-only orders', () => {
    expect(usdm({ price: '60000.0', qty: '0.001' })).toBe("-4164 Order's notional must be no smaller than 100 (unless you choose reduce only)");
    expect(usdm({ price: '60000.0', qty: '0.001', reduceOnly: true })).toBeNull();
  });

  it('answers -2025 when the open orders reach MAX_NUM_ORDERS.limit', () => {
    expect(usdm({ price: '60000.0', qty: '0.002' }, 199)).toBeNull();
    expect(usdm({ price: '60000.0', qty: '0.002' }, 200)).toBe('-2025 Reach max open order limit.');
  });

  it('refuses negative prices and quantities and an icebergQty, which USD-M does not take', () => {
    expect(usdm({ price: '-1', qty: '1' })).toBe('-4001 Price less than 0.');
    expect(usdm({ price: '60000.0', qty: '-1' })).toBe('-4003 Quantity less than zero.');
    expect(usdm({ price: '60000.0', qty: '1', icebergQty: '0.1' })).toBe("-1106 Parameter 'icebergQty' sent when not required.");
  });
});

function request(symbol: string, priceTicks: number, qtyLots: number, reduceOnly = false): OrderRequest {
  return { symbol, symbolIndex: 0, side: 'BUY', priceTicks, qtyLots, quoteMidTicks: priceTicks, options: { timeInForce: 'GTC', postOnly: false, reduceOnly } };
}

function rules(market: 'spot' | 'usdm', open = 0, iceberg: string | null = null): BinanceVenueRules {
  const btc = market === 'spot' ? SPOT_BTC : USDM_BTC;
  return new BinanceVenueRules(market, { makerPpm: 1000, takerPpm: 1000 }, new Map([['BTCUSDT', btc]]), {
    openOrders: () => open,
    icebergQty: () => iceberg,
  });
}

describe('BinanceVenueRules', () => {
  const spotGrid = buildInstrument(SPOT_BTC.spec);
  const usdmGrid = buildInstrument(USDM_BTC.spec);

  it('renders the integer request on the instrument grid and answers with the code as a string and the docs text', () => {
    // 10000000 ticks × 0.01 = 100000; 4 lots × 0.00001 = 0.00004 → notional 4 < 5.
    expect(rules('spot').validate(request('BTCUSDT', 10_000_000, 4), spotGrid)).toEqual({ code: '-1013', message: 'Filter failure: NOTIONAL' });
    expect(rules('spot').validate(request('BTCUSDT', 10_000_000, 5), spotGrid)).toBeNull();
    // 600000 ticks × 0.1 = 60000; 1 lot = 0.001 → 60 < 100.
    expect(rules('usdm').validate(request('BTCUSDT', 600_000, 1), usdmGrid)).toEqual({
      code: '-4164',
      message: "Order's notional must be no smaller than 100 (unless you choose reduce only)",
    });
    expect(rules('usdm').validate(request('BTCUSDT', 600_000, 1, true), usdmGrid)).toBeNull();
  });

  it('takes the open-order count and the icebergQty from its context', () => {
    expect(rules('spot', 200).validate(request('BTCUSDT', 10_000_000, 100), spotGrid)).toEqual({ code: '-1013', message: 'Filter failure: MAX_NUM_ORDERS' });
    expect(rules('spot', 0, '0.0001').validate(request('BTCUSDT', 10_000_000, 100), spotGrid)).toBeNull(); // 0.001 / 0.0001 = 10 parts
    expect(rules('spot', 0, '0.00009').validate(request('BTCUSDT', 10_000_000, 100), spotGrid)).toEqual({ code: '-1013', message: 'Filter failure: ICEBERG_PARTS' });
  });

  it('answers an unlisted symbol with -1121 Invalid symbol.', () => {
    expect(rules('usdm').validate(request('ETHUSDT', 600_000, 1), usdmGrid)).toEqual({ code: '-1121', message: 'Invalid symbol.' });
  });

  it('answers a cancel of an order that is not open with -2011 in each market\'s words: spot "Unknown order sent.", USD-M "Unknown order sent"', () => {
    expect(rules('spot').cancelRejected()).toEqual({ code: '-2011', message: 'Unknown order sent.' });
    expect(rules('usdm').cancelRejected()).toEqual({ code: '-2011', message: 'Unknown order sent' });
  });

  it('rejects a crossing post-only order: spot LIMIT_MAKER -2010, USD-M GTX -5022', () => {
    expect(rules('spot').postOnlyWouldTake()).toEqual({ kind: 'reject', reject: { code: '-2010', message: 'Order would immediately match and take.' } });
    expect(rules('usdm').postOnlyWouldTake()).toEqual({
      kind: 'reject',
      reject: { code: '-5022', message: 'Due to the order could not be executed as maker, the Post Only order will be rejected.' },
    });
  });

  it('rejects a growing reduce-only order on USD-M with -2022', () => {
    expect(rules('usdm').reduceOnlyViolated()).toEqual({ code: '-2022', message: 'ReduceOnly Order is rejected.' });
    expect(rules('spot').reduceOnlyViolated()).toEqual({ code: '-1103', message: 'An unknown parameter was sent.' });
  });

  it('expires IOC and spot FOK remainders and rejects an unfillable USD-M FOK with -5021', () => {
    expect(rules('spot').immediateRemainder('IOC')).toEqual({ kind: 'expire', reason: 'EXPIRED (IOC)' });
    expect(rules('spot').immediateRemainder('FOK')).toEqual({ kind: 'expire', reason: 'EXPIRED (FOK)' });
    expect(rules('usdm').immediateRemainder('IOC')).toEqual({ kind: 'expire', reason: 'EXPIRED (IOC)' });
    expect(rules('usdm').immediateRemainder('FOK')).toEqual({
      kind: 'reject',
      reject: { code: '-5021', message: 'Due to the order could not be filled immediately, the FOK order has been rejected.' },
    });
  });

  it('answers an amend below the filled quantity: spot has no such amend (-1020), USD-M cancels the order (no code documented)', () => {
    expect(rules('spot').amendBelowFilled()).toEqual({ code: '-1020', message: 'This operation is not supported.' });
    expect(rules('usdm').amendBelowFilled()).toBe(BINANCE_USDM_AMEND_BELOW_FILLED);
    expect(BINANCE_USDM_AMEND_BELOW_FILLED).toEqual({
      code: 'ORDER_CANCELED_BY_AMEND',
      message: 'the order will be cancelled by the amendment',
      detail: 'new quantity <= executedQty of a partially filled order (USD-M Modify Order); Binance documents no error code for it',
    });
  });

  it('names itself binance and keeps the fee schedule it was given', () => {
    const r = rules('spot');
    expect([r.venue, r.market, r.fees]).toEqual(['binance', 'spot', { makerPpm: 1000, takerPpm: 1000 }]);
  });
});

describe('BinanceVenueRules.timestampRejected (rest-api.md "Timing security")', () => {
  const window = 'accepted: server time - 5000 ms (recvWindow) <= timestamp < server time + 1000 ms';

  it('processes a timestamp from recvWindow behind up to 999 ms ahead, on both markets', () => {
    for (const market of ['spot', 'usdm'] as const) {
      expect(rules(market).timestampRejected(5_000, 10_000, 5_000)).toBeNull();
      expect(rules(market).timestampRejected(10_999, 10_000, 5_000)).toBeNull();
    }
  });

  it('answers -1021 with the message for its side: "was 1000ms ahead" from 1000 ms ahead, "outside of the recvWindow" beyond recvWindow behind', () => {
    for (const market of ['spot', 'usdm'] as const) {
      expect(rules(market).timestampRejected(11_000, 10_000, 5_000)).toEqual({
        code: '-1021',
        message: "Timestamp for this request was 1000ms ahead of the server's time.",
        detail: `timestamp 1000 ms ahead of the server time; ${window}`,
      });
      expect(rules(market).timestampRejected(4_999, 10_000, 5_000)).toEqual({
        code: '-1021',
        message: 'Timestamp for this request is outside of the recvWindow.',
        detail: `timestamp 5001 ms behind the server time; ${window}`,
      });
    }
  });
});
