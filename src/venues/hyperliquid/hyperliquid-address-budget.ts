// HyperliquidAddressBudget: the per-address action budget — 10000 requests plus 1 per USDC traded, cancels to min(cap + 100000, 2 × cap), one request per 10 s past it.
//
// Rate limits docs (…/for-developers/api/rate-limits, "Address-based limits"): "1 request per 1 USDC traded
// cumulatively since address inception … Each address starts with an initial buffer of 10000 requests. When rate
// limited, an address is allowed one request every 10 seconds. Cancels have cumulative limit min(limit + 100000,
// limit * 2)". A batch of n orders or cancels counts n. Every request that reaches the venue counts, refused or not
// (what is used can run past the cap: live `userRateLimit` answers show nRequestsUsed above nRequestsCap).
import { addressRequestLimit, cancelLimit, HYPERLIQUID_ADDRESS_LIMITS } from './hyperliquid-rate-limits.js';

export class HyperliquidAddressBudget {
  /** Requests counted so far (a batch of n counts n). */
  used = 0;
  /** Requests refused for the budget. */
  refused = 0;
  /** When the last request past the cap was let through (one per 10 s); null: none yet. */
  private lastPastCapMs: number | null = null;

  /** The cap for `usdcTraded` whole USDC: 10000 + 1 per USDC; for cancels min(cap + 100000, 2 × cap). */
  static cap(usdcTraded: number, cancel: boolean): number {
    const limit = addressRequestLimit(usdcTraded);
    return cancel ? cancelLimit(limit) : limit;
  }

  /** ms from `nowMs` until `n` more requests would be let through (0: now). */
  waitMs(nowMs: number, n: number, cap: number): number {
    return this.used + n <= cap ? 0 : this.slotWaitMs(nowMs);
  }

  /** ms until the next one-per-10-s slot past the cap. */
  private slotWaitMs(nowMs: number): number {
    return this.lastPastCapMs === null ? 0 : Math.max(0, this.lastPastCapMs + HYPERLIQUID_ADDRESS_LIMITS.throttledEveryMs - nowMs);
  }

  /** Counts `n` requests at `nowMs`; returns whether they are let through (within the cap, or the 10 s slot past it). */
  take(nowMs: number, n: number, cap: number): boolean {
    const within = this.used + n <= cap;
    this.used += n;
    if (within) return true;
    if (this.slotWaitMs(nowMs) > 0) {
      this.refused += n;
      return false;
    }
    this.lastPastCapMs = nowMs;
    return true;
  }
}
