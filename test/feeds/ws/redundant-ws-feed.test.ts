// Covers RedundantWsFeed on a loopback server: N connections, dedup by sequence key, no update lost when one connection drops.
import { afterEach, describe, expect, it } from 'vitest';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { RedundantWsFeed } from '../../../src/feeds/ws/redundant-ws-feed.js';
import { BybitWsProtocol } from '../../../src/venues/bybit/ws/bybit-ws-protocol.js';
import { codeOf } from '../../helpers/error-code.js';
import { VirtualTimers } from '../../helpers/virtual-timers.js';
import { WsHarness } from '../../helpers/ws-harness.js';

let h: WsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('RedundantWsFeed', () => {
  it('delivers each Bybit orderbook update once from 2 connections and loses none while one is down', async () => {
    const harness = await WsHarness.create({ venue: 'bybit' });
    h = harness;
    const feed = harness.redundant(2, { staleAfterMs: 0 });
    feed.subscribe(['orderbook.50.BTCUSDT']);
    feed.start();
    await harness.waitFor(() => harness.server.openClients().filter((c) => c.topics.size === 1).length === 2, 'both subscribed');

    expect(harness.server.burst('orderbook.50.BTCUSDT', 1, 5)).toBe(10);
    await harness.waitFor(() => feed.health().duplicatesDropped === 5, 'duplicates of 1-5 dropped');

    harness.server.drop(1);
    await harness.waitFor(() => feed.health().connected === 1, 'one connection lost');
    expect(harness.server.burst('orderbook.50.BTCUSDT', 6, 5)).toBe(5);
    await harness.waitFor(() => harness.frames.length === 10, 'frames 6-10 from the survivor');

    const lost = feed.connections.find((c) => c.state === 'RECONNECTING');
    harness.timers.advance(harness.eventsOf('reconnect-scheduled').find((e) => e.connectionId === lost?.connectionId)?.delayMs ?? 0);
    await harness.waitFor(() => feed.health().connected === 2 && harness.server.openClients().every((c) => c.topics.size === 1), 'reconnected');
    expect(harness.server.burst('orderbook.50.BTCUSDT', 11, 5)).toBe(10);
    await harness.waitFor(() => feed.health().duplicatesDropped === 10, 'duplicates of 11-15 dropped');

    expect(harness.deliveredSeqs()).toEqual(range(1, 15));
    const health = feed.health();
    expect([health.delivered, health.duplicatesDropped, health.connections.map((c) => c.connectionId)]).toEqual([15, 10, ['ws-1', 'ws-2']]);
    expect(health.connections.map((c) => c.reconnects).sort()).toEqual([0, 1]);
  });

  it('passes frames without a sequence key from every connection', async () => {
    const harness = await WsHarness.create({ venue: 'bybit' });
    h = harness;
    const feed = harness.redundant(2, { staleAfterMs: 0 });
    feed.subscribe(['kline.5.BTCUSDT']);
    feed.start();
    await harness.waitFor(() => harness.server.openClients().filter((c) => c.topics.size === 1).length === 2, 'both subscribed');
    expect(harness.server.publish('kline.5.BTCUSDT', 1)).toBe(2);
    await harness.waitFor(() => harness.frames.length === 2, 'both copies');
    expect(harness.frames.map((f) => f.sequenceKey)).toEqual([null, null]);
    expect(new Set(harness.frames.map((f) => f.connectionId))).toEqual(new Set(['ws-1', 'ws-2']));
  });

  it('refuses a connection count outside 1-16', () => {
    const make = (connections: number): RedundantWsFeed =>
      new RedundantWsFeed({ connections, protocol: new BybitWsProtocol({ category: 'linear' }), timers: new VirtualTimers(), rng: new SeededRng('x'), onData: () => undefined });
    expect(codeOf(() => make(0))).toBe('E_CONFIG');
    expect(codeOf(() => make(17))).toBe('E_CONFIG');
    expect(make(3).connections.map((c) => c.connectionId)).toEqual(['ws-1', 'ws-2', 'ws-3']);
  });
});
