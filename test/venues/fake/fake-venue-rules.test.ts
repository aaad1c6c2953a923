// Covers FakeVenueRules: instrument-filter rejects with the fake venue's codes and messages, cancel-reject answers, default fees.
import { describe, it, expect } from 'vitest';
import { FAKE_DEFAULT_FEES, FakeVenueRules } from '../../../src/venues/fake/fake-venue-rules.js';
import { FAKE_INSTRUMENTS } from '../../../src/venues/fake/fake-instruments.js';
import { buildInstrument, type Instrument } from '../../../src/core/model/instrument.js';
import type { OrderRequest } from '../../../src/core/model/order.js';

function instrument(symbol: string): Instrument {
  return buildInstrument(FAKE_INSTRUMENTS.find((i) => i.symbol === symbol)!);
}

const BTC = instrument('BTCUSDT');
const XRP = instrument('XRPUSDT'); // tick 0.0001, lot 1
const rules = new FakeVenueRules({ makerPpm: 200, takerPpm: 550 });

function req(priceTicks: number, qtyLots: number, side: 'BUY' | 'SELL' = 'BUY'): OrderRequest {
  return { symbol: 'BTCUSDT', symbolIndex: 0, side, priceTicks, qtyLots, quoteMidTicks: priceTicks };
}

describe('FakeVenueRules.validate', () => {
  it('accepts an order inside every filter', () => {
    expect(rules.validate(req(935000, 1), BTC)).toBeNull();
    expect(rules.validate(req(935000, 100_000, 'SELL'), BTC)).toBeNull(); // exactly max qty
    expect(rules.validate(req(50000, 1), BTC)).toBeNull(); // exactly 5 USDT
  });

  it('rejects a non-positive price first', () => {
    expect(rules.validate(req(0, 0), BTC)).toEqual({ code: 'FAKE_INVALID_PRICE', message: 'price must be positive' });
    expect(rules.validate(req(-1, 1), BTC)?.code).toBe('FAKE_INVALID_PRICE');
  });

  it('rejects a quantity below the minimum, naming both in decimals', () => {
    expect(rules.validate(req(935000, 0), BTC)).toEqual({ code: 'FAKE_QTY_TOO_SMALL', message: 'quantity below the minimum', detail: 'quantity 0 is below the minimum 0.001' });
    expect(rules.validate({ ...req(20800, 0), symbol: 'XRPUSDT' }, XRP)).toEqual({
      code: 'FAKE_QTY_TOO_SMALL',
      message: 'quantity below the minimum',
      detail: 'quantity 0 is below the minimum 1',
    });
  });

  it('rejects a quantity above the maximum', () => {
    expect(rules.validate(req(935000, 100_001), BTC)).toEqual({
      code: 'FAKE_QTY_TOO_LARGE',
      message: 'quantity above the maximum',
      detail: 'quantity 100.001 is above the maximum 100',
    });
  });

  it('rejects a notional below the minimum with the exact order value', () => {
    expect(rules.validate(req(40000, 1), BTC)).toEqual({ code: 'FAKE_NOTIONAL_TOO_SMALL', message: 'order value below the minimum', detail: 'order value 4 is below the minimum 5' });
    expect(rules.validate(req(49999, 1), BTC)).toEqual({
      code: 'FAKE_NOTIONAL_TOO_SMALL',
      message: 'order value below the minimum',
      detail: 'order value 4.9999 is below the minimum 5',
    });
  });
});

describe('FakeVenueRules.cancelRejected', () => {
  it('answers each reason with its own code and message', () => {
    expect(rules.cancelRejected('ALREADY_FILLED')).toEqual({ code: 'FAKE_ORDER_FILLED', message: 'order already filled' });
    expect(rules.cancelRejected('ALREADY_CANCELED')).toEqual({ code: 'FAKE_ORDER_CANCELED', message: 'order already cancelled' });
    expect(rules.cancelRejected('UNKNOWN_ORDER')).toEqual({ code: 'FAKE_UNKNOWN_ORDER', message: 'order does not exist' });
  });
});

describe('fake venue identity and fees', () => {
  it('is called "fake", keeps the fees it was given, and defaults to 2 / 5.5 bps', () => {
    expect(rules.venue).toBe('fake');
    expect(rules.fees).toEqual({ makerPpm: 200, takerPpm: 550 });
    expect(FAKE_DEFAULT_FEES).toEqual({ makerBps: '2', takerBps: '5.5' });
  });
});

describe('FakeVenueRules.timestampRejected', () => {
  const window = 'accepted: server time - 5000 ms (recvWindow) <= timestamp < server time + 1000 ms';

  it('uses the real venues\' window with its own code, worded for each side', () => {
    expect(rules.timestampRejected(10_999, 10_000, 5_000)).toBeNull();
    expect(rules.timestampRejected(5_000, 10_000, 5_000)).toBeNull();
    expect(rules.timestampRejected(11_000, 10_000, 5_000)).toEqual({
      code: 'FAKE_TIMESTAMP',
      message: 'request timestamp ahead of the venue clock',
      detail: `timestamp 1000 ms ahead of the server time; ${window}`,
    });
    expect(rules.timestampRejected(4_999, 10_000, 5_000)).toEqual({
      code: 'FAKE_TIMESTAMP',
      message: 'request timestamp outside the receive window',
      detail: `timestamp 5001 ms behind the server time; ${window}`,
    });
  });
});
