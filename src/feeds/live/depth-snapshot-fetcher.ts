// DepthSnapshotFetcher: fetches Binance REST depth snapshots for the book sync (one in flight per symbol, backoff while a symbol stays unsynced).
import type { Clock } from '../../ports/clock.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { TimerHandle, Timers } from '../../ports/timers.js';
import { untrustedText } from '../../core/text/untrusted-text.js';

/**
 * One HTTP GET: status, raw body text and the headers the fetcher reads. Rejects on network errors,
 * aborts and bodies over MAX_REST_BODY_BYTES. Redirects are not followed: a 3xx comes back as it is.
 */
export type HttpGet = (url: string, signal: AbortSignal) => Promise<HttpAnswer>;

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  /** The Retry-After header (429, 418), or null/absent. */
  readonly retryAfter?: string | null;
  /** The Location header (3xx), or null/absent. */
  readonly location?: string | null;
}

/**
 * Largest REST body read, bytes (4 MiB). A depth snapshot at the largest limit, 5000 ("Default 100; max
 * 5000", rest-api.md "Order book"), holds 2 × 5000 levels of ~30 bytes: ~300 KB; we ask for 1000 (~60 KB).
 * A longer body (declared or streamed) is abandoned at the cap, so a hostile endpoint cannot fill memory.
 */
export const MAX_REST_BODY_BYTES = 4 * 1024 * 1024;

/** Node's fetch (undici), without following redirects, reading at most MAX_REST_BODY_BYTES of the body. */
export const fetchHttpGet: HttpGet = async (url, signal) => {
  const response = await fetch(url, { signal, redirect: 'manual', headers: { accept: 'application/json' } });
  const head = { status: response.status, retryAfter: response.headers.get('retry-after'), location: response.headers.get('location') };
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_REST_BODY_BYTES) {
    await response.body?.cancel();
    throw new Error(`body of ${declared} bytes is over the ${MAX_REST_BODY_BYTES}-byte cap: not read`);
  }
  return { ...head, body: await readCapped(response, MAX_REST_BODY_BYTES) };
};

/** The body as UTF-8 text; rejects (and stops reading) once more than `maxBytes` arrived. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new Error(`body over the ${maxBytes}-byte cap: not read`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface DepthSnapshotFetcherOptions {
  /** REST base without trailing slash ("https://api.binance.com", --rest-url). */
  readonly restUrl: string;
  /** symbol → "GET /api/v3/depth?symbol=…&limit=1000" (the request line a replay stores). */
  readonly requestLine: (symbol: string) => string;
  readonly timers: Timers;
  /** Receive-time source for the bodies (the live run's clock). */
  readonly clock: Clock;
  /**
   * A body with HTTP 200 arrived: hand it to the book sync (and the recording). Returns null when the body
   * is a depth snapshot, or why it is not one: the fetch then counts as failed and is retried.
   */
  readonly onSnapshot: (symbol: string, request: string, body: string, receivedAtMs: number) => string | null;
  /** A fetch failed (network, timeout, non-200); it is retried after the backoff. */
  readonly onFailure?: (symbol: string, message: string) => void;
  /** @default fetchHttpGet */
  readonly get?: HttpGet;
  /** ms a fetch may take. @default 10000 */
  readonly timeoutMs?: number;
}

/**
 * 429 "breaking a request rate limit", 418 "an IP has been auto-banned for continuing to send requests after
 * receiving 429 codes"; "A `Retry-After` header is sent with a 418 or 429 responses and will give the number
 * of seconds required to wait, in the case of a 429, to prevent a ban, or, in the case of a 418, until the
 * ban is over"; "The limits on the API are based on the IPs" (binance/binance-spot-api-docs rest-api.md,
 * "HTTP Return Codes", "LIMITS" › "IP Limits"). So after either, no fetch of any symbol goes out before
 * Retry-After has passed.
 */
export const RATE_LIMITED_STATUSES: ReadonlySet<number> = new Set([429, 418]);
/** Wait when a 429/418 carries no readable Retry-After (whole seconds): 2 min, the shortest ban ("from 2 minutes to 3 days"). */
export const DEFAULT_RETRY_AFTER_MS = 120_000;
/** Longest wait honoured: 3 days, the longest ban; a larger Retry-After is cut to it. */
export const MAX_RETRY_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/** The wait a Retry-After value asks for, ms: whole seconds (what the venue sends), else DEFAULT_RETRY_AFTER_MS; at most MAX_RETRY_AFTER_MS. */
export function retryAfterMs(header: string | null | undefined): number {
  const text = header?.trim() ?? '';
  if (!/^\d{1,9}$/.test(text)) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
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
  /** No fetch starts before this time (timers ms): set by a 429/418's Retry-After, for every symbol. */
  private holdUntilMs = -Infinity;
  private rateLimited = 0;

  constructor(private readonly options: DepthSnapshotFetcherOptions) {
    this.get = options.get ?? fetchHttpGet;
  }

  /** Wants a snapshot of `symbol`: fetched now, or after the backoff; ignored while one is in flight or scheduled. */
  request(symbol: string): void {
    if (this.stopped) return;
    const s = this.stateOf(symbol);
    if (s.inFlight !== null || s.timer !== null) return;
    const delay = Math.max(snapshotDelayMs(s.attempts + 1), this.holdUntilMs - this.options.timers.now());
    if (delay <= 0) return this.start(symbol, s);
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
    return { rest_url: this.options.restUrl, requested, fetched, failed, rate_limited: this.rateLimited, by_symbol: bySymbol };
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
      ({ status, body, location, retryAfter }) => {
        if (s.inFlight !== controller || this.stopped) return;
        this.settle(s);
        // A redirect is not followed: the depth endpoint answering elsewhere is a misconfigured --rest-url or a hostile one.
        if (status >= 300 && status < 400) return this.fail(symbol, s, `HTTP ${status} redirect to '${untrustedText(location ?? '')}' not followed: give --rest-url the address that serves ${this.options.requestLine(symbol).slice('GET '.length).split('?')[0]}`);
        if (RATE_LIMITED_STATUSES.has(status)) {
          const waitMs = retryAfterMs(retryAfter);
          this.rateLimited++;
          this.holdUntilMs = Math.max(this.holdUntilMs, this.options.timers.now() + waitMs);
          return this.fail(symbol, s, `HTTP ${status}: ${untrustedText(body, ERROR_CHARS)}; no fetch for ${waitMs / 1000} s (Retry-After ${untrustedText(retryAfter ?? 'absent', 20)})`);
        }
        if (status !== 200) return this.fail(symbol, s, `HTTP ${status}: ${untrustedText(body, ERROR_CHARS)}`);
        const refused = this.options.onSnapshot(symbol, request, body, this.options.clock.now());
        if (refused !== null) return this.fail(symbol, s, `HTTP 200 body is not a depth snapshot: ${untrustedText(refused, ERROR_CHARS)}`);
        s.fetched++;
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
