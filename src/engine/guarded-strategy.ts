// GuardedStrategy: runs a strategy's callbacks so that one that throws, or runs over its budget, stops the run (reported with the callback, message and file:line) instead of unwinding the scheduler; counts and times every call.
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { STILL_STOPWATCH, type Stopwatch } from '../ports/stopwatch.js';
import type {
  Strategy,
  StrategyBar,
  StrategyBookView,
  StrategyFill,
  StrategyMark,
  StrategyOrder,
  StrategyQuote,
  StrategyReject,
  StrategyTrade,
} from '../ports/strategy.js';

/** What the report says about a strategy callback that threw. */
export interface StrategyFailure {
  /** The callback that threw (onQuote, onFill, …). */
  readonly callback: string;
  /** The error's message (a non-Error thrown value, as text). */
  readonly message: string;
  /** file:line:column of the throw inside the plug-in (the first stack frame in `source`), else the top frame; null without a stack (and for a budget overrun). */
  readonly location: string | null;
  /** Set when the callback returned but took longer than the budget: the budget and the measured wall time, ms (stderr only: it differs run to run). */
  readonly overBudget?: { readonly budgetMs: number; readonly tookMs: number };
}

/** The first stack frame in `source` (a file URL or path), as path:line:column; else the top frame. */
export function throwLocation(error: unknown, source: string | null): string | null {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : null;
  if (stack === null) return null;
  const frames = stack
    .split('\n')
    .slice(1)
    .map((line) => /\(?((?:file:\/\/)?[^\s()]+:\d+:\d+)\)?\s*$/.exec(line.trim())?.[1] ?? null)
    .filter((frame): frame is string => frame !== null);
  const path = source === null ? null : source.replace(/^file:\/\//, '');
  const own = path === null ? undefined : frames.find((frame) => frame.replace(/^file:\/\//, '').startsWith(path));
  return (own ?? frames[0] ?? null)?.replace(/^file:\/\//, '') ?? null;
}

/**
 * Calls of one callback and the wall time spent in them. `calls` is deterministic (the report's strategy.callbacks);
 * the times differ run to run (stderr, and the report only with --strategy-timing).
 */
export interface CallbackTime {
  calls: number;
  /** Total and longest single call, wall ms (fractional), as the stopwatch read them. */
  ms: number;
  maxMs: number;
}

export interface GuardOptions {
  /** The plug-in's file (URL or path): a throw's file:line is its first stack frame there. @default null (the top frame) */
  readonly source?: string | null;
  /** What measures each call. @default STILL_STOPWATCH (every call takes 0 ms: no budget can be exceeded) */
  readonly stopwatch?: Stopwatch;
  /**
   * Longest one call may take, wall ms (> 0): a call that returns later stops the run like a throw. It is checked when
   * the call returns: a callback that never returns cannot be interrupted in this thread (README, Writing a strategy).
   * @default null (no budget)
   */
  readonly budgetMs?: number | null;
}

/** Every callback the wrapped strategy has, each caught, counted and timed; once one has failed, none is called again. */
export class GuardedStrategy implements Strategy {
  private failed = false;
  /** By callback name, in first-call order. */
  readonly spent = new Map<string, CallbackTime>();
  private readonly source: string | null;
  private readonly stopwatch: Stopwatch;
  private readonly budgetMs: number;

  constructor(
    private readonly inner: Strategy,
    private readonly onFailure: (failure: StrategyFailure) => void,
    options: GuardOptions = {},
  ) {
    this.source = options.source ?? null;
    this.stopwatch = options.stopwatch ?? STILL_STOPWATCH;
    this.budgetMs = options.budgetMs ?? Infinity;
    // Keep the optional shape: a callback the strategy lacks stays absent (the loop skips it, and onBook's book view).
    for (const name of CALLBACKS) if (inner[name] === undefined) (this as unknown as Record<string, unknown>)[name] = undefined;
  }

  private run(callback: string, call: () => void): void {
    if (this.failed) return;
    const started = this.stopwatch.elapsedMs();
    let threw = false;
    try {
      call();
    } catch (error) {
      threw = true;
      this.failed = true;
      this.onFailure({ callback, message: error instanceof Error ? error.message : String(error), location: throwLocation(error, this.source) });
    } finally {
      const took = this.stopwatch.elapsedMs() - started;
      const time = this.spent.get(callback) ?? { calls: 0, ms: 0, maxMs: 0 };
      if (time.calls === 0) this.spent.set(callback, time);
      time.calls++;
      time.ms += took;
      if (took > time.maxMs) time.maxMs = took;
      if (!threw && took > this.budgetMs) {
        this.failed = true;
        // The report's message names the budget, not the measured time, so the report of an overrun does not depend on how much over it was.
        this.onFailure({
          callback,
          message: `${callback} ran longer than its budget of ${this.budgetMs} ms per call (--strategy-budget-ms)`,
          location: null,
          overBudget: { budgetMs: this.budgetMs, tookMs: took },
        });
      }
    }
  }

  onStart(): void {
    this.run('onStart', () => this.inner.onStart?.());
  }
  onStop(): void {
    this.run('onStop', () => this.inner.onStop?.());
  }
  onQuote(symbol: SymbolIndex, quote: StrategyQuote, midTicks: number): void {
    // A plug-in may keep the quote it is given; the synthetic feed rewrites its records (RandomWalk's reuse rule): a copy.
    const own = { ...quote };
    this.run('onQuote', () => this.inner.onQuote?.(symbol, own, midTicks));
  }
  onBook(symbol: SymbolIndex, book: StrategyBookView): void {
    this.run('onBook', () => this.inner.onBook?.(symbol, book));
  }
  onTrade(symbol: SymbolIndex, trade: StrategyTrade): void {
    this.run('onTrade', () => this.inner.onTrade?.(symbol, trade));
  }
  onBar(symbol: SymbolIndex, bar: StrategyBar): void {
    this.run('onBar', () => this.inner.onBar?.(symbol, bar));
  }
  onMark(symbol: SymbolIndex, mark: StrategyMark): void {
    this.run('onMark', () => this.inner.onMark?.(symbol, mark));
  }
  onOrderAccepted(order: StrategyOrder): void {
    this.run('onOrderAccepted', () => this.inner.onOrderAccepted?.(order));
  }
  onOrderRejected(order: StrategyOrder, reject: StrategyReject): void {
    this.run('onOrderRejected', () => this.inner.onOrderRejected?.(order, reject));
  }
  onFill(fill: StrategyFill, order: StrategyOrder): void {
    this.run('onFill', () => this.inner.onFill?.(fill, order));
  }
  onOrderCanceled(order: StrategyOrder): void {
    this.run('onOrderCanceled', () => this.inner.onOrderCanceled?.(order));
  }
  onAmended(order: StrategyOrder): void {
    this.run('onAmended', () => this.inner.onAmended?.(order));
  }
  onAmendRejected(order: StrategyOrder, reject: StrategyReject): void {
    this.run('onAmendRejected', () => this.inner.onAmendRejected?.(order, reject));
  }
  onTimer(name: string): void {
    this.run('onTimer', () => this.inner.onTimer?.(name));
  }
}

/** Every callback of the port: one the plug-in lacks stays absent on the guard (never called, never timed). */
const CALLBACKS = [
  'onStart',
  'onStop',
  'onQuote',
  'onBook',
  'onTrade',
  'onBar',
  'onMark',
  'onOrderAccepted',
  'onOrderRejected',
  'onFill',
  'onOrderCanceled',
  'onAmended',
  'onAmendRejected',
  'onTimer',
] as const satisfies readonly (keyof Strategy)[];

/** "strategy callbacks: 12.3 ms wall (onQuote 11.9 ms / 1000 calls, max 0.2 ms; onFill 0.4 ms / 38 calls, max 0.1 ms)", slowest first (ties by name). */
export function formatCallbackTimes(spent: ReadonlyMap<string, CallbackTime>): string {
  const entries = sortedTimes(spent);
  const total = entries.reduce((sum, [, t]) => sum + t.ms, 0);
  return `strategy callbacks: ${total.toFixed(1)} ms wall (${entries.map(([name, t]) => `${name} ${t.ms.toFixed(1)} ms / ${t.calls} calls, max ${t.maxMs.toFixed(1)} ms`).join('; ')})`;
}

/** Slowest total first, ties by name. */
function sortedTimes(spent: ReadonlyMap<string, CallbackTime>): [string, CallbackTime][] {
  return [...spent.entries()].sort(([a, x], [b, y]) => y.ms - x.ms || (a < b ? -1 : a > b ? 1 : 0));
}

/** The report's strategy.callbacks: calls by callback name (deterministic: the same run calls the same callbacks). */
export function callbackCounts(spent: ReadonlyMap<string, CallbackTime>): Record<string, number> {
  return Object.fromEntries([...spent.entries()].map(([name, t]) => [name, t.calls]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
}

/** --strategy-timing: the report's strategy.timing (wall ms with µs, as decimal strings; differs run to run). */
export function callbackTiming(spent: ReadonlyMap<string, CallbackTime>, budgetMs: number | null): JsonValue {
  const ms = (value: number): string => value.toFixed(3);
  const callbacks = Object.fromEntries(
    [...spent.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, t]) => [name, { calls: t.calls, total_ms: ms(t.ms), max_ms: ms(t.maxMs) }]),
  );
  const total = [...spent.values()].reduce((sum, t) => sum + t.ms, 0);
  return { clock: 'wall (performance.now), not byte-stable', budget_ms: budgetMs, total_ms: ms(total), callbacks };
}
