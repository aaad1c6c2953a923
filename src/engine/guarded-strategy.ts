// GuardedStrategy: runs a plug-in's callbacks so that one that throws stops the run (reported with its message and file:line) instead of unwinding the scheduler.
import type { SymbolIndex } from '../core/model/symbol-table.js';
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
  /** file:line:column of the throw inside the plug-in (the first stack frame in `source`), else the top frame; null without a stack. */
  readonly location: string | null;
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

/** Wall time spent in one callback of a plug-in: never in the report (it differs run to run), printed on stderr. */
export interface CallbackTime {
  calls: number;
  ms: number;
}

/** Every callback the wrapped strategy has, each caught and timed; once one has thrown, none is called again. */
export class GuardedStrategy implements Strategy {
  private failed = false;
  /** By callback name, in first-call order. */
  readonly spent = new Map<string, CallbackTime>();

  constructor(
    private readonly inner: Strategy,
    private readonly onFailure: (failure: StrategyFailure) => void,
    private readonly source: string | null = null,
  ) {
    // Keep the optional shape: a callback the strategy lacks stays absent (the loop skips it, and onBook's book view).
    for (const name of CALLBACKS) if (inner[name] === undefined) (this as unknown as Record<string, unknown>)[name] = undefined;
  }

  private run(callback: string, call: () => void): void {
    if (this.failed) return;
    const started = performance.now();
    try {
      call();
    } catch (error) {
      this.failed = true;
      this.onFailure({ callback, message: error instanceof Error ? error.message : String(error), location: throwLocation(error, this.source) });
    } finally {
      const time = this.spent.get(callback) ?? { calls: 0, ms: 0 };
      if (time.calls === 0) this.spent.set(callback, time);
      time.calls++;
      time.ms += performance.now() - started;
    }
  }

  onStart(): void {
    this.run('onStart', () => this.inner.onStart?.());
  }
  onStop(): void {
    this.run('onStop', () => this.inner.onStop?.());
  }
  onQuote(symbol: SymbolIndex, quote: StrategyQuote, midTicks: number): void {
    this.run('onQuote', () => this.inner.onQuote?.(symbol, quote, midTicks));
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

/** "strategy callbacks: 12.3 ms (onQuote 11.9 ms / 1000 calls, onFill 0.4 ms / 38 calls)", slowest first (ties by name). */
export function formatCallbackTimes(spent: ReadonlyMap<string, CallbackTime>): string {
  const entries = [...spent.entries()].sort(([a, x], [b, y]) => y.ms - x.ms || (a < b ? -1 : a > b ? 1 : 0));
  const total = entries.reduce((sum, [, t]) => sum + t.ms, 0);
  return `strategy callbacks: ${total.toFixed(1)} ms wall (${entries.map(([name, t]) => `${name} ${t.ms.toFixed(1)} ms / ${t.calls} calls`).join(', ')})`;
}
