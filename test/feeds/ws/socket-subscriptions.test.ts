// Covers SocketSubscriptions: net effect of queued calls, batching, unsubscribes first, settling acks and refusals.
import { describe, expect, it } from 'vitest';
import { SocketSubscriptions } from '../../../src/feeds/ws/socket-subscriptions.js';

describe('SocketSubscriptions', () => {
  it('queues only the net effect of subscribe/unsubscribe calls', () => {
    const s = new SocketSubscriptions();
    s.want(['a', 'b', 'a']);
    s.drop(['b', 'c']);
    expect(s.take(10, '1')).toEqual({ op: 'subscribe', topics: ['a'] });
    expect(s.hasQueued).toBe(false);
    s.drop(['a']);
    s.want(['a']);
    expect(s.take(10, '2')).toBeNull();
  });

  it('sends unsubscribes first and at most maxTopics per request', () => {
    const s = new SocketSubscriptions();
    s.want(['a', 'b', 'c']);
    s.take(10, '1');
    s.want(['d', 'e', 'f']);
    s.drop(['a']);
    expect([s.take(2, '2'), s.take(2, '3'), s.take(2, '4'), s.take(2, '5')]).toEqual([
      { op: 'unsubscribe', topics: ['a'] },
      { op: 'subscribe', topics: ['d', 'e'] },
      { op: 'subscribe', topics: ['f'] },
      null,
    ]);
  });

  it('settles by id, by age when no id was echoed, and splits a refusal naming one topic', () => {
    const s = new SocketSubscriptions();
    s.want(['a', 'b']);
    s.take(1, '1');
    s.take(1, '2');
    expect(s.subscribesSettled).toBe(false);
    expect(s.settle('9', null)).toBeNull();
    expect(s.settle(null, null)).toEqual({ op: 'subscribe', topics: ['a'], succeeded: ['a'], failed: [] });
    expect(s.settle('2', [])).toEqual({ op: 'subscribe', topics: ['b'], succeeded: [], failed: ['b'] });
    expect(s.subscribesSettled).toBe(true);
    s.want(['b', 'c', 'd']);
    s.take(10, '3');
    expect(s.settle('3', ['c'])).toEqual({ op: 'subscribe', topics: ['b', 'c', 'd'], succeeded: ['b', 'd'], failed: ['c'] });
    s.want(['c']);
    expect(s.take(10, '4')).toEqual({ op: 'subscribe', topics: ['c'] });
  });
});
