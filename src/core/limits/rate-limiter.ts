// RateLimiter: the contract every client-side limiter strategy meets — pure state driven by the caller's nowMs.

/**
 * Costs are non-negative integers in the limiter's unit (requests, request weight, orders); a cost of 0 is a
 * no-op that is never blocked and never refused, even past the limit. `nowMs` must never go backwards between calls (an invariant violation otherwise). No method reads a clock.
 */
export interface RateLimiter {
  /** Stable name for reports, emulated headers and group costs, e.g. 'REQUEST_WEIGHT_1M'. */
  readonly name: string;
  /** The venue's hard limit: units per window, or the bucket capacity. */
  readonly limit: number;
  /** What the client lets itself use (<= limit): queueing starts beyond it. */
  readonly budget: number;
  /** Units in use at nowMs (may exceed `limit` after `record`). */
  usage(nowMs: number): number;
  /** True when usage + cost <= budget: the client may send now. */
  canTake(nowMs: number, cost: number): boolean;
  /** True when usage + cost > limit: the venue would refuse this request. */
  wouldExceed(nowMs: number, cost: number): boolean;
  /** Exact ms from nowMs until canTake holds if nothing else is taken meanwhile; 0 when it holds now. E_CONFIG if cost > budget. */
  waitMs(nowMs: number, cost: number): number;
  /** Uses `cost` units; an invariant violation unless canTake(nowMs, cost). */
  take(nowMs: number, cost: number): void;
  /** Uses `cost` units unconditionally (a request sent without throttling). */
  record(nowMs: number, cost: number): void;
  /** Highest usage observed right after a take or record. */
  readonly peakUsage: number;
}
