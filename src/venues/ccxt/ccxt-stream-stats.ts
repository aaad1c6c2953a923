// Counters of one ccxt watch loop (a symbol × a stream kind) — updates, records, errors, retries, last update time — and their health JSON: rates over the time open and staleness at the time asked.
import { Decimal } from '../../core/money/decimal.js';
import type { JsonValue } from '../../core/report/canonical-json.js';

/** One watch loop's counters; times are the stream clock's ms. */
export class CcxtStreamStats {
  /** watch* calls that resolved with data (ccxt resolves once per message, or per batch of messages it merged). */
  updates = 0;
  /** Normalized records written from them (a book with nothing changed writes none; a trades batch writes one per trade). */
  records = 0;
  /** watch* calls that threw. */
  errors = 0;
  /** Calls made again after an error: ccxt reconnects inside the next call, so this is the reconnect count ccxt exposes. */
  retries = 0;
  lastError: string | null = null;
  /** When the last update came (stream clock ms); null before the first. */
  lastUpdateMs: number | null = null;

  constructor(
    readonly method: string,
    readonly openedMs: number,
  ) {}

  update(nowMs: number): void {
    this.updates++;
    this.lastUpdateMs = nowMs;
  }

  /** As report JSON at `nowMs`: `updates_per_s` over the time since the stream opened (decimal text, rounded half-up to 3 places; null before 1 ms has passed). */
  toJson(nowMs: number): JsonValue {
    const openMs = nowMs - this.openedMs;
    return {
      method: this.method,
      updates: this.updates,
      records: this.records,
      updates_per_s: openMs <= 0 ? null : new Decimal(this.updates).times(1000).div(openMs).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed(),
      last_update_age_ms: this.lastUpdateMs === null ? null : nowMs - this.lastUpdateMs,
      errors: this.errors,
      retries: this.retries,
      last_error: this.lastError,
    };
  }
}
