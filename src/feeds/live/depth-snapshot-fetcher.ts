// DepthSnapshotFetcher: fetches Binance REST depth snapshots for the book sync (one in flight per symbol, backoff while a symbol stays unsynced).
import type { Clock } from '../../ports/clock.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { TimerHandle, Timers } from '../ws/timers.js';

/** One HTTP GET: status and raw body text. Rejects on network errors and aborts. */
export type HttpGet = (url: string, signal: AbortSignal) => Promise<{ readonly status: number; readonly body: string }>;

/** Node's fetch (undici). */
export const fetchHttpGet: HttpGet = async (url, signal) => {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  return { status: response.status, body: await response.text() };
};

export interface DepthSnapshotFetcherOptions {
  /** REST base without trailing slash ("https://api.binance.com", --rest-url). */
  readonly restUrl: string;
  /** symbol → "GET /api/v3/depth?symbol=…&limit=1000" (the request line a replay stores). */
  readonly requestLine: (symbol: string) => string;
  readonly timers: Timers;
  /** Receive-time source for the bodies (the live run's clock). */
  readonly clock: Clock;
  /** A body with HTTP 200 arrived: hand it to the book sync (and the recording). */
  readonly onSnapshot: (symbol: string, request: string, body: string, receivedAtMs: number) => void;
  /** A fetch failed (network, timeout, non-200); it is retried after the backoff. */
  readonly onFailure?: (symbol: string, message: string) => void;
  /** @default fetchHttpGet */
  readonly get?: HttpGet;
  /** ms a fetch may take. @default 10000 */
  readonly timeoutMs?: number;
}

/** Backoff before fetch n of a symbol since it was last synced: 0 for the first, then 500 ms × 2^(n−2), at most 30 s. */
export function snapshotDelayMs(attempt: number): number {
  return attempt <= 1 ? 0 : Math.min(30_000, 500 * 2 ** Math.min(attempt - 2, 16));
}

interface SymbolFetchState {
  /** Fetches started since the symbol was last synced. */
  attempts: number;
  inFlight: AbortController | null;
  /** Aborts the fetch in flight after timeoutMs. */
  deadline: TimerHandle | null;
  /** A fetch scheduled after the backoff. */
  timer: TimerHandle | null;
  requested: number;
  fetched: number;
  failed: number;
  lastError: string | null;
}

const ERROR_CHARS = 160;

export class DepthSnapshotFetcher {
  private readonly symbols = new Map<string, SymbolFetchState>();
  private readonly get: HttpGet;
  private stopped = false;

  constructor(private readonly options: DepthSnapshotFetcherOptions) {
    this.get = options.get ?? fetchHttpGet;
  }

  /** Wants a snapshot of `symbol`: fetched now, or after the backoff; ignored while one is in flight or scheduled. */
  request(symbol: string): void {
    if (this.stopped) return;
    const s = this.stateOf(symbol);
    if (s.inFlight !== null || s.timer !== null) return;
    const delay = snapshotDelayMs(s.attempts + 1);
    if (delay === 0) return this.start(symbol, s);
    s.timer = this.options.timers.setTimeout(() => {
      s.timer = null;
      this.start(symbol, s);
    }, delay);
  }

  /** The symbol's book is in sync again: its next fetch goes out at once. */
  synced(symbol: string): void {
    const s = this.symbols.get(symbol);
    if (s !== undefined) s.attempts = 0;
  }

  /** Aborts fetches in flight and cancels scheduled ones; later responses are ignored. */
  stop(): void {
    this.stopped = true;
    for (const s of this.symbols.values()) {
      s.inFlight?.abort();
      s.inFlight = null;
      for (const handle of [s.deadline, s.timer]) if (handle !== null) this.options.timers.clearTimeout(handle);
      s.deadline = s.timer = null;
    }
  }

  /** Counts per symbol (sorted) and in total, for the report. */
  stats(): JsonValue {
    const bySymbol: Record<string, JsonValue> = {};
    let requested = 0;
    let fetched = 0;
    let failed = 0;
    for (const symbol of [...this.symbols.keys()].sort()) {
      const s = this.symbols.get(symbol)!;
      requested += s.requested;
      fetched += s.fetched;
      failed += s.failed;
      bySymbol[symbol] = { requested: s.requested, fetched: s.fetched, failed: s.failed, last_error: s.lastError };
    }
    return { rest_url: this.options.restUrl, requested, fetched, failed, by_symbol: bySymbol };
  }

  private start(symbol: string, s: SymbolFetchState): void {
    if (this.stopped) return;
    const request = this.options.requestLine(symbol);
    const url = `${this.options.restUrl}${request.slice('GET '.length)}`;
    const controller = new AbortController();
    s.deadline = this.options.timers.setTimeout(() => controller.abort(), this.options.timeoutMs ?? 10_000);
    s.inFlight = controller;
    s.attempts++;
    s.requested++;
    this.get(url, controller.signal).then(
      ({ status, body }) => {
        if (s.inFlight !== controller || this.stopped) return;
        this.settle(s);
        if (status !== 200) return this.fail(symbol, s, `HTTP ${status}: ${body.slice(0, ERROR_CHARS)}`);
        s.fetched++;
        this.options.onSnapshot(symbol, request, body, this.options.clock.now());
      },
      (error: unknown) => {
        if (s.inFlight !== controller || this.stopped) return;
        this.settle(s);
        this.fail(symbol, s, controller.signal.aborted ? 'timed out' : error instanceof Error ? error.message : String(error));
      },
    );
  }

  private settle(s: SymbolFetchState): void {
    s.inFlight = null;
    if (s.deadline !== null) this.options.timers.clearTimeout(s.deadline);
    s.deadline = null;
  }

  private fail(symbol: string, s: SymbolFetchState, message: string): void {
    s.failed++;
    s.lastError = message;
    this.options.onFailure?.(symbol, message);
    this.request(symbol);
  }

  private stateOf(symbol: string): SymbolFetchState {
    let s = this.symbols.get(symbol);
    if (s === undefined) {
      s = { attempts: 0, inFlight: null, deadline: null, timer: null, requested: 0, fetched: 0, failed: 0, lastError: null };
      this.symbols.set(symbol, s);
    }
    return s;
  }
}
