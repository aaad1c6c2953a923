// Covers order.ts: side signs, the order state-machine table and terminal states.
import { describe, it, expect } from 'vitest';
import { ORDER_TRANSITIONS, isTerminal, sideSign, type OrderStatus } from '../../../src/core/model/order.js';

describe('sideSign', () => {
  it('is +1 for BUY and −1 for SELL', () => {
    expect(sideSign('BUY')).toBe(1);
    expect(sideSign('SELL')).toBe(-1);
  });
});

describe('ORDER_TRANSITIONS', () => {
  it('lets NEW go anywhere but back to NEW, and OPEN never to NEW or REJECTED', () => {
    expect(ORDER_TRANSITIONS.NEW).toEqual(['OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED']);
    expect(ORDER_TRANSITIONS.OPEN).toEqual(['PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'EXPIRED']);
    expect(ORDER_TRANSITIONS.PARTIALLY_FILLED).toEqual(['PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'EXPIRED']);
  });

  it('marks exactly FILLED, CANCELED, REJECTED and EXPIRED as terminal', () => {
    const all: OrderStatus[] = ['NEW', 'OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'];
    expect(all.filter(isTerminal)).toEqual(['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED']);
  });
});
