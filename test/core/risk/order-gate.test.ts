// Covers decideOrder's REDUCING_ONLY rule: which buys and sells reduce, counting open orders on the order's side, and that limits still follow.
import { describe, it, expect } from 'vitest';
import { decideOrder } from '../../../src/core/risk/order-gate.js';
import { BTC_LOT_E8, FakeExposure } from '../../helpers/fake-exposure.js';

const LIMITS = { maxInventoryE8: 10 * BTC_LOT_E8, maxTotalNotionalE8: 1e15 };
const ALLOWED = { kind: 'allow' };
const REDUCING = { kind: 'deny', reason: 'REDUCING_ONLY' };

function reducing(view: FakeExposure, side: 'BUY' | 'SELL', qtyLots: number): unknown {
  return decideOrder({ symbolIndex: 0, side, qtyLots }, view, LIMITS, true);
}

describe('decideOrder — REDUCING_ONLY', () => {
  it('lets a long position sell down to flat, never past it, and blocks every buy', () => {
    const view = new FakeExposure().set('BTCUSDT', { position: 5 });
    expect(reducing(view, 'SELL', 1)).toEqual(ALLOWED);
    expect(reducing(view, 'SELL', 5)).toEqual(ALLOWED);
    expect(reducing(view, 'SELL', 6)).toEqual(REDUCING);
    expect(reducing(view, 'BUY', 1)).toEqual(REDUCING);
  });

  it('lets a short position buy up to flat, never past it, and blocks every sell', () => {
    const view = new FakeExposure().set('BTCUSDT', { position: -3 });
    expect(reducing(view, 'BUY', 3)).toEqual(ALLOWED);
    expect(reducing(view, 'BUY', 4)).toEqual(REDUCING);
    expect(reducing(view, 'SELL', 1)).toEqual(REDUCING);
  });

  it('blocks both sides when flat', () => {
    const view = new FakeExposure();
    expect(reducing(view, 'BUY', 1)).toEqual(REDUCING);
    expect(reducing(view, 'SELL', 1)).toEqual(REDUCING);
  });

  it('counts open orders on the same side as if they filled, and ignores the other side', () => {
    const view = new FakeExposure().set('BTCUSDT', { position: 5, openSells: 2, openBuys: 40 });
    expect(reducing(view, 'SELL', 3)).toEqual(ALLOWED); // 5 − 2 − 3 = 0
    expect(reducing(view, 'SELL', 4)).toEqual(REDUCING); // would flip to −1
    view.set('BTCUSDT', { position: -4, openBuys: 4, openSells: 0 });
    expect(reducing(view, 'BUY', 1)).toEqual(REDUCING); // open buys already flatten it
  });

  it('leaves the limit checks as they were when not reducing-only', () => {
    const view = new FakeExposure();
    expect(decideOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 10 }, view, LIMITS, false)).toEqual(ALLOWED);
    expect(decideOrder({ symbolIndex: 0, side: 'BUY', qtyLots: 11 }, view, LIMITS, false)).toEqual({ kind: 'deny', reason: 'MAX_INVENTORY' });
  });
});
