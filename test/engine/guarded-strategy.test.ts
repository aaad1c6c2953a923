// Covers GuardedStrategy: a throwing callback is reported once (callback, message, file:line in the plug-in) and nothing is called after; absent callbacks stay absent; time is kept per callback.
import { describe, expect, it } from 'vitest';
import { formatCallbackTimes, GuardedStrategy, throwLocation, type StrategyFailure } from '../../src/engine/guarded-strategy.js';

describe('throwLocation', () => {
  it('picks the first stack frame inside the plug-in file, else the top frame', () => {
    const error = new Error('x');
    error.stack = 'Error: x\n    at helper (file:///lib/util.js:3:9)\n    at onQuote (file:///home/me/my-mm.mjs:12:15)\n    at run (/app/dist/engine.js:40:2)';
    expect(throwLocation(error, 'file:///home/me/my-mm.mjs')).toBe('/home/me/my-mm.mjs:12:15');
    expect(throwLocation(error, null)).toBe('/lib/util.js:3:9');
    expect(throwLocation('not an error', null)).toBeNull();
  });
});

describe('GuardedStrategy', () => {
  it('reports the first throw with its callback and message, then calls nothing more', () => {
    const failures: StrategyFailure[] = [];
    let calls = 0;
    const guard = new GuardedStrategy(
      {
        onQuote: () => {
          calls++;
          throw new TypeError('bad quote');
        },
        onTimer: () => void calls++,
      },
      (f) => failures.push(f),
    );
    guard.onQuote(0, { symbol: 'BTCUSDT', ts: 0, bidTicks: 1, askTicks: 2, bidLots: 1, askLots: 1 }, 1);
    guard.onTimer('t');
    guard.onQuote(0, { symbol: 'BTCUSDT', ts: 0, bidTicks: 1, askTicks: 2, bidLots: 1, askLots: 1 }, 1);
    expect(calls).toBe(1);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ callback: 'onQuote', message: 'bad quote' });
    expect(failures[0]!.location).toMatch(/guarded-strategy\.test\.ts:\d+:\d+$/);
  });

  it('leaves the callbacks the plug-in lacks absent, and times the ones it has', () => {
    const guard = new GuardedStrategy({ onTimer: () => undefined }, () => undefined);
    expect(guard.onBook).toBeUndefined();
    expect(guard.onFill).toBeUndefined();
    guard.onTimer('a');
    guard.onTimer('b');
    expect(guard.spent.get('onTimer')?.calls).toBe(2);
    expect(formatCallbackTimes(new Map([['onQuote', { calls: 3, ms: 1.25 }], ['onFill', { calls: 1, ms: 2 }]]))).toBe(
      'strategy callbacks: 3.3 ms wall (onFill 2.0 ms / 1 calls, onQuote 1.3 ms / 3 calls)',
    );
  });
});
