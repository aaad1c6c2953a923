// TokenBucket: capacity C tokens refilled R tokens every I ms, in exact integer arithmetic (token × I units).
import { invariantViolation } from '../errors/shadow-exec-error.js';
import type { RateLimiter } from './rate-limiter.js';
import { ceilDiv, requireCost, requireFits, requireMonotonic, requirePositiveInteger } from './limiter-input.js';

export interface TokenBucketOptions {
  readonly name: string;
  /** Maximum tokens held (burst size). */
  readonly capacity: number;
  /** Tokens added per `refillIntervalMs`; refill is continuous at that rate. */
  readonly refillTokens: number;
  readonly refillIntervalMs: number;
  /** Tokens at the first call; default `capacity` (full). */
  readonly initialTokens?: number;
}

/**
 * Level is kept in units of 1/I token: one token = I units and every elapsed ms adds R units, so refill and
 * waits are integers with no drift. waitMs(n) = ceil((n×I − level) / R). The bucket bounds the rate at R/I with
 * bursts up to C; it does NOT bound a rolling window to C (up to C + R·W/I pass in any window W) — use
 * SlidingWindowLimiter for a venue's rolling window limit.
 */
export class TokenBucket implements RateLimiter {
  readonly name: string;
  readonly limit: number;
  readonly budget: number;
  private readonly unitsPerToken: number;
  private readonly refillPerMs: number;
  private readonly capacityUnits: number;
  private level: number;
  private lastMs: number | undefined;
  private peak = 0;

  constructor(options: TokenBucketOptions) {
    requirePositiveInteger(options.capacity, `${options.name}: capacity`);
    requirePositiveInteger(options.refillTokens, `${options.name}: refillTokens`);
    requirePositiveInteger(options.refillIntervalMs, `${options.name}: refillIntervalMs`);
    const initial = options.initialTokens ?? options.capacity;
    if (!Number.isSafeInteger(initial) || initial < 0 || initial > options.capacity) {
      throw invariantViolation(`${options.name}: initialTokens must be an integer in 0..capacity, got ${String(initial)}`);
    }
    if (!Number.isSafeInteger(options.capacity * options.refillIntervalMs)) throw invariantViolation(`${options.name}: capacity × interval overflows`);
    this.name = options.name;
    this.limit = options.capacity;
    this.budget = options.capacity;
    this.unitsPerToken = options.refillIntervalMs;
    this.refillPerMs = options.refillTokens;
    this.capacityUnits = options.capacity * options.refillIntervalMs;
    this.level = initial * options.refillIntervalMs;
  }

  get peakUsage(): number {
    return this.peak;
  }

  /** Whole tokens available now (negative after an overdraft by `record`). */
  available(nowMs: number): number {
    this.advance(nowMs);
    return Math.floor(this.level / this.unitsPerToken);
  }

  usage(nowMs: number): number {
    this.advance(nowMs);
    return ceilDiv(this.capacityUnits - this.level, this.unitsPerToken);
  }

  canTake(nowMs: number, cost: number): boolean {
    requireCost(cost, this.name);
    this.advance(nowMs);
    return cost === 0 || cost * this.unitsPerToken <= this.level;
  }

  wouldExceed(nowMs: number, cost: number): boolean {
    return !this.canTake(nowMs, cost);
  }

  waitMs(nowMs: number, cost: number): number {
    requireCost(cost, this.name);
    requireFits(cost, this.budget, this.name);
    this.advance(nowMs);
    const missing = cost * this.unitsPerToken - this.level;
    return cost === 0 || missing <= 0 ? 0 : ceilDiv(missing, this.refillPerMs);
  }

  take(nowMs: number, cost: number): void {
    if (!this.canTake(nowMs, cost)) throw invariantViolation(`${this.name}: take(${cost}) without enough tokens at ${nowMs}`);
    this.spend(nowMs, cost);
  }

  record(nowMs: number, cost: number): void {
    requireCost(cost, this.name);
    this.spend(nowMs, cost);
  }

  private spend(nowMs: number, cost: number): void {
    this.advance(nowMs);
    if (cost === 0) return;
    this.level -= cost * this.unitsPerToken;
    this.peak = Math.max(this.peak, ceilDiv(this.capacityUnits - this.level, this.unitsPerToken));
  }

  private advance(nowMs: number): void {
    requireMonotonic(nowMs, this.lastMs, this.name);
    if (this.lastMs !== undefined && this.level < this.capacityUnits) {
      const elapsed = nowMs - this.lastMs;
      const msToFull = ceilDiv(this.capacityUnits - this.level, this.refillPerMs);
      this.level = elapsed >= msToFull ? this.capacityUnits : this.level + elapsed * this.refillPerMs;
    }
    this.lastMs = nowMs;
  }
}
