// Covers GuardedStrategy: a throwing callback is reported once (callback, message, file:line in the plug-in) and nothing is called after; a call over the budget stops it the same way (fake stopwatch); absent callbacks stay absent; calls and time are kept per callback.
import { describe, expect, it } from 'vitest';
import { callbackCounts, callbackTiming, formatCallbackTimes, GuardedStrategy, throwLocation, type StrategyFailure } from '../../src/engine/guarded-strategy.js';
import type { Stopwatch } from '../../src/ports/stopwatch.js';

/** A stopwatch that moves only when told: a "busy loop" is a callback that advances it. */
class FakeStopwatch implements Stopwatch {
  ms = 0;
  elapsedMs(): number {
    return this.ms;
  }
}

const QUOTE = { symbol: 'BTCUSDT', ts: 0, bidTicks: 1, askTicks: 2, bidLots: 1, askLots: 1 };

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
  it('gives the plug-in its own copy of each quote (the synthetic feed rewrites its records later)', () => {
    const seen: unknown[] = [];
    const guard = new GuardedStrategy({ onQuote: (_symbol, quote) => void seen.push(quote) }, () => undefined);
    guard.onQuote(0, QUOTE, 1);
    expect(seen[0]).toEqual(QUOTE);
    expect(seen[0]).not.toBe(QUOTE);
    expect(Object.keys(seen[0] as object)).toEqual(Object.keys(QUOTE));
  });

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
    guard.onQuote(0, QUOTE, 1);
    guard.onTimer('t');
    guard.onQuote(0, QUOTE, 1);
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
    expect(formatCallbackTimes(new Map([['onQuote', { calls: 3, ms: 1.25, maxMs: 0.5 }], ['onFill', { calls: 1, ms: 2, maxMs: 2 }]]))).toBe(
      'strategy callbacks: 3.3 ms wall (onFill 2.0 ms / 1 calls, max 2.0 ms; onQuote 1.3 ms / 3 calls, max 0.5 ms)',
    );
  });

  it('stops a strategy whose callback busy-loops past the budget: the callback, the budget and the time taken, then nothing more is called', () => {
    const watch = new FakeStopwatch();
    const failures: StrategyFailure[] = [];
    let quotes = 0;
    const guard = new GuardedStrategy(
      {
        onQuote: () => {
          quotes++;
          watch.ms += quotes === 3 ? 7.5 : 1; // the third call "loops" 7.5 ms
        },
        onFill: () => undefined,
      },
      (f) => failures.push(f),
      { stopwatch: watch, budgetMs: 5 },
    );
    for (let i = 0; i < 5; i++) guard.onQuote(0, QUOTE, 1);
    guard.onFill({ symbol: 'BTCUSDT', symbolIndex: 0, side: 'BUY', priceTicks: 1, qtyLots: 1, liquidity: 'MAKER', ts: 0 }, { seq: 1, symbol: 'BTCUSDT', symbolIndex: 0, side: 'BUY', priceTicks: 1, qtyLots: 1, filledLots: 1, status: 'FILLED' });
    expect(quotes).toBe(3);
    expect(failures).toEqual([
      { callback: 'onQuote', message: 'onQuote ran longer than its budget of 5 ms per call (--strategy-budget-ms)', location: null, overBudget: { budgetMs: 5, tookMs: 7.5 } },
    ]);
    expect(guard.spent.get('onQuote')).toEqual({ calls: 3, ms: 9.5, maxMs: 7.5 });
    expect(guard.spent.has('onFill')).toBe(false);
  });

  it('lets a call that takes exactly the budget through (the budget is the longest allowed)', () => {
    const watch = new FakeStopwatch();
    const failures: StrategyFailure[] = [];
    const guard = new GuardedStrategy({ onTimer: () => void (watch.ms += 5) }, (f) => failures.push(f), { stopwatch: watch, budgetMs: 5 });
    guard.onTimer('a');
    guard.onTimer('b');
    expect(failures).toEqual([]);
    expect(guard.spent.get('onTimer')).toEqual({ calls: 2, ms: 10, maxMs: 5 });
  });

  it('reports a throw, not an overrun, when a slow callback throws', () => {
    const watch = new FakeStopwatch();
    const failures: StrategyFailure[] = [];
    const guard = new GuardedStrategy(
      {
        onTimer: () => {
          watch.ms += 100;
          throw new Error('late and wrong');
        },
      },
      (f) => failures.push(f),
      { stopwatch: watch, budgetMs: 5 },
    );
    guard.onTimer('a');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ callback: 'onTimer', message: 'late and wrong' });
    expect(failures[0]!.overBudget).toBeUndefined();
  });

  it('gives the report calls by callback (sorted by name) and, for --strategy-timing, the times as decimal ms', () => {
    const spent = new Map([
      ['onQuote', { calls: 3, ms: 1.25, maxMs: 0.5 }],
      ['onFill', { calls: 1, ms: 2, maxMs: 2 }],
    ]);
    expect(callbackCounts(spent)).toEqual({ onFill: 1, onQuote: 3 });
    expect(Object.keys(callbackCounts(spent))).toEqual(['onFill', 'onQuote']);
    expect(callbackTiming(spent, 1000)).toEqual({
      clock: 'wall (performance.now), not byte-stable',
      budget_ms: 1000,
      total_ms: '3.250',
      callbacks: { onFill: { calls: 1, total_ms: '2.000', max_ms: '2.000' }, onQuote: { calls: 3, total_ms: '1.250', max_ms: '0.500' } },
    });
  });
});
