// Covers the Binance depth id readers and BinanceDepthWatch: which raw frames count as diff depth, when a snapshot is needed (first delta, gap, too-old snapshot) on spot and USD-M, using the real capture's NKNUSDT ids.
import { describe, expect, it } from 'vitest';
import { depthIdsOf, depthSnapshotIdOf } from '../../../../src/venues/binance/ws/binance-depth-ids.js';
import { BinanceDepthWatch } from '../../../../src/venues/binance/ws/binance-depth-watch.js';

const diff = (U: number, u: number, pu?: number, stream = 'nknusdt@depth@100ms'): unknown => ({
  stream,
  data: { e: 'depthUpdate', E: 1633998512000, s: 'NKNUSDT', U, u, ...(pu === undefined ? {} : { pu }), b: [['0.4', '1']], a: [] },
});

describe('depthIdsOf / depthSnapshotIdOf', () => {
  it('reads U, u and pu of a diff depthUpdate (combined or raw) as a level-less delta', () => {
    expect(depthIdsOf(diff(499869753, 499869760), 7)).toEqual({
      kind: 'book-delta', symbol: 'NKNUSDT', ts: 7, bids: [], asks: [], firstUpdateId: 499869753, finalUpdateId: 499869760, prevFinalUpdateId: null, seq: null,
    });
    expect(depthIdsOf({ e: 'depthUpdate', s: 'BTCUSDT', U: 157, u: 160, pu: 149 }, 0)).toMatchObject({ symbol: 'BTCUSDT', firstUpdateId: 157, finalUpdateId: 160, prevFinalUpdateId: 149 });
  });

  it('ignores partial depth, other events, malformed ids and non-objects', () => {
    expect(depthIdsOf(diff(1, 2, 0, 'btcusdt@depth5@100ms'), 0)).toBeNull();
    expect(depthIdsOf({ stream: 'nknusdt@aggTrade', data: { e: 'aggTrade', s: 'NKNUSDT' } }, 0)).toBeNull();
    expect(depthIdsOf({ stream: 'nknusdt@depth', data: { e: 'depthUpdate', s: 'NKNUSDT', U: '1', u: 2 } }, 0)).toBeNull();
    expect(depthIdsOf(null, 0)).toBeNull();
    expect(depthSnapshotIdOf('{"lastUpdateId":499869752,"bids":[],"asks":[]}', 'NKNUSDT', 5)).toEqual({
      kind: 'book-snapshot', symbol: 'NKNUSDT', ts: 5, bids: [], asks: [], updateId: 499869752, seq: null,
    });
    expect(depthSnapshotIdOf('{"code":-1121,"msg":"Invalid symbol."}', 'X', 0)).toBeNull();
    expect(depthSnapshotIdOf('not json', 'X', 0)).toBeNull();
  });
});

describe('BinanceDepthWatch', () => {
  it('spot: asks for a snapshot from the first delta until one syncs, then again after a gap', () => {
    const watch = new BinanceDepthWatch('spot');
    expect(watch.onMessage(diff(499869753, 499869760), 0)).toBe('NKNUSDT');
    expect(watch.onMessage({ stream: 'nknusdt@bookTicker', data: { u: 1, s: 'NKNUSDT' } }, 0)).toBeNull();
    expect(watch.onSnapshot('NKNUSDT', '{"lastUpdateId":499869752,"bids":[],"asks":[]}', 0)).toBe('synced');
    expect(watch.onMessage(diff(499869761, 499869765), 0)).toBeNull();
    expect(watch.onMessage(diff(499869770, 499869771), 0)).toBe('NKNUSDT');
    expect(watch.onSnapshot('NKNUSDT', '{"lastUpdateId":499869700,"bids":[],"asks":[]}', 0)).toBe('unsynced');
    expect(watch.onSnapshot('NKNUSDT', '{"lastUpdateId":499869770,"bids":[],"asks":[]}', 0)).toBe('synced');
  });

  it('calls a body without a lastUpdateId malformed, not merely unsynced', () => {
    const watch = new BinanceDepthWatch('spot');
    expect(watch.onMessage(diff(499869753, 499869760), 0)).toBe('NKNUSDT');
    expect(['<html>', '{"code":-1003}', '{"lastUpdateId":"1"}'].map((body) => watch.onSnapshot('NKNUSDT', body, 0))).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('USD-M: a delta whose pu is not the previous u is a gap', () => {
    const watch = new BinanceDepthWatch('usdm');
    expect(watch.onMessage(diff(157, 160, 149), 0)).toBe('NKNUSDT');
    expect(watch.onSnapshot('NKNUSDT', '{"lastUpdateId":158,"bids":[],"asks":[]}', 0)).toBe('synced');
    expect(watch.onMessage(diff(161, 165, 160), 0)).toBeNull();
    expect(watch.onMessage(diff(170, 172, 168), 0)).toBe('NKNUSDT');
  });
});

describe('depthSnapshotIdOf on a negative id (found by the fuzz run)', () => {
  it('reads no snapshot from lastUpdateId -1', () => {
    expect(depthSnapshotIdOf('{"lastUpdateId":-1,"bids":[],"asks":[]}', 'NKNUSDT', 0)).toBeNull();
  });
});

describe('BinanceDepthWatch limited to the recorded symbols', () => {
  it('follows no delta of another symbol: no sync kept, no snapshot asked for', () => {
    const watch = new BinanceDepthWatch('spot', ['NKNUSDT']);
    for (let i = 0; i < 1000; i++) expect(watch.onMessage({ e: 'depthUpdate', E: 1, s: `X${i}USDT`, U: 1, u: 2, b: [], a: [] }, 0)).toBeNull();
    expect((watch as unknown as { syncs: Map<string, unknown> }).syncs.size).toBe(0);
    expect(watch.onMessage(diff(499869753, 499869760), 0)).toBe('NKNUSDT');
  });
});
