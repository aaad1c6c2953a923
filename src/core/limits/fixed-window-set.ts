// FixedWindowSet: several epoch-aligned fixed-window counters charged together, as integer counters in flat arrays (O(1) per request, no allocation).
import { invariantViolation } from '../errors/shadow-exec-error.js';
import { requireCost, requireFits, requireMonotonic, resolveWindowOptions, type WindowLimiterOptions } from './limiter-input.js';
import type { GroupCosts } from './rate-limit-group.js';

/**
 * A cost per window in window order, made once by `costsOf` (checked then): requests reuse one per endpoint. `fitsAll`
 * is false when some cost exceeds its window's budget (waitMs then throws E_CONFIG, as FixedWindowCounter.waitMs does).
 */
export interface WindowCosts {
  readonly units: Float64Array;
  readonly fitsAll: boolean;
  /** The first window whose budget the cost exceeds (-1: none), for the error text. */
  readonly firstMisfit: number;
}

/**
 * The same answers as a RateLimitGroup of FixedWindowCounters with the same options (test/core/limits/fixed-window-set.test.ts
 * drives both with random streams): a count per window resets to zero when a new window starts (windows start at
 * multiples of windowMs since the Unix epoch; Binance: "a 1 MINUTE interval starts every minute … `10 SECOND` interval
 * resets at 00, 10, 20... seconds of each minute", binance-spot-api-docs web-socket-api.md "How to interpret rate limits").
 * Every method advances every window, so one last-time check stands for each counter's own.
 */
export class FixedWindowSet {
  readonly names: readonly string[];
  readonly limits: Float64Array;
  readonly budgets: Float64Array;
  private readonly windowMs: Float64Array;
  private readonly windowStart: Float64Array;
  private readonly resetAt: Float64Array;
  private readonly counts: Float64Array;
  private readonly peaks: Float64Array;
  private readonly size: number;
  /** −Infinity before the first call, not undefined: written in place, no heap number per call (see WindowLimiter.lastMs). */
  private lastMs = Number.NEGATIVE_INFINITY;
  private readonly byName = new Map<string, number>();
  private readonly costCache = new WeakMap<GroupCosts, WindowCosts>();

  constructor(options: readonly WindowLimiterOptions[]) {
    const resolved = options.map(resolveWindowOptions);
    this.size = resolved.length;
    this.names = resolved.map((r) => r.name);
    this.limits = Float64Array.from(resolved, (r) => r.limit);
    this.budgets = Float64Array.from(resolved, (r) => r.budget);
    this.windowMs = Float64Array.from(resolved, (r) => r.windowMs);
    this.windowStart = new Float64Array(this.size);
    // FixedWindowCounter starts with windowStart 0 and count 0: the window [0, windowMs) until time first advances.
    this.resetAt = Float64Array.from(resolved, (r) => r.windowMs);
    this.counts = new Float64Array(this.size);
    this.peaks = new Float64Array(this.size);
    resolved.forEach((r, i) => {
      if (this.byName.has(r.name)) throw invariantViolation(`FixedWindowSet: duplicate limiter name ${r.name}`);
      this.byName.set(r.name, i);
    });
  }

  /** The cost vector of `costs` (names not listed cost 0; unknown names are an invariant violation). Cached per frozen costs object. */
  costsOf(costs: GroupCosts): WindowCosts {
    const known = this.costCache.get(costs);
    if (known !== undefined) return known;
    for (const name of Object.keys(costs)) {
      if (!this.byName.has(name)) throw invariantViolation(`RateLimitGroup: unknown limiter ${name}`);
    }
    const units = new Float64Array(this.size);
    let firstMisfit = -1;
    for (let i = 0; i < this.size; i++) {
      const cost = costs[this.names[i]!] ?? 0;
      requireCost(cost, this.names[i]!);
      units[i] = cost;
      if (firstMisfit < 0 && cost > this.budgets[i]!) firstMisfit = i;
    }
    const vector: WindowCosts = { units, fitsAll: firstMisfit < 0, firstMisfit };
    this.costCache.set(costs, vector);
    return vector;
  }

  /** Moves every window to the one containing nowMs (a new window starts its count at zero). */
  private advance(nowMs: number): void {
    requireMonotonic(nowMs, this.lastMs, this.names[0] ?? 'FixedWindowSet');
    if (nowMs === this.lastMs) return;
    this.lastMs = nowMs;
    for (let i = 0; i < this.size; i++) {
      if (nowMs < this.resetAt[i]! && nowMs >= this.windowStart[i]!) continue;
      const w = this.windowMs[i]!;
      const start = nowMs - (((nowMs % w) + w) % w);
      this.windowStart[i] = start;
      this.resetAt[i] = start + w;
      this.counts[i] = 0;
    }
  }

  /** Exact ms from nowMs until every window has room within its budget (0: now); E_CONFIG when a cost can never fit. */
  waitMs(nowMs: number, costs: WindowCosts): number {
    if (!costs.fitsAll) {
      const i = costs.firstMisfit;
      requireFits(costs.units[i]!, this.budgets[i]!, this.names[i]!);
    }
    this.advance(nowMs);
    const units = costs.units;
    let wait = 0;
    for (let i = 0; i < this.size; i++) {
      const cost = units[i]!;
      if (cost === 0 || this.counts[i]! + cost <= this.budgets[i]!) continue;
      const w = this.resetAt[i]! - nowMs;
      if (w > wait) wait = w;
    }
    return wait;
  }

  /** Takes from every window when all have room now and returns 0; otherwise takes nothing and returns the wait. */
  tryTake(nowMs: number, costs: WindowCosts): number {
    const wait = this.waitMs(nowMs, costs);
    if (wait > 0) return wait;
    this.add(costs.units);
    return 0;
  }

  /** Charges every window unconditionally (throttling off); counts may pass the limits. */
  record(nowMs: number, costs: WindowCosts): void {
    this.advance(nowMs);
    this.add(costs.units);
  }

  /** Bit i set when window i's hard limit would be broken by this request (0: the venue accepts). At most 31 windows. */
  exceededMask(nowMs: number, costs: WindowCosts): number {
    this.advance(nowMs);
    const units = costs.units;
    let mask = 0;
    for (let i = 0; i < this.size; i++) {
      const cost = units[i]!;
      if (cost > 0 && this.counts[i]! + cost > this.limits[i]!) mask |= 1 << i;
    }
    return mask;
  }

  /**
   * A venue's admission in one pass: exceededMask, then (only when it is 0) record and usageInto. The same answers,
   * usage and peaks as those three calls (test/core/limits/fixed-window-set.test.ts drives both); one time check and
   * two loops instead of three calls per request. `usageOut` is left untouched when a window is exceeded.
   */
  admit(nowMs: number, costs: WindowCosts, usageOut: number[]): number {
    const mask = this.exceededMask(nowMs, costs);
    if (mask !== 0) return mask;
    const units = costs.units;
    for (let i = 0; i < this.size; i++) {
      const cost = units[i]!;
      let count = this.counts[i]!;
      if (cost !== 0) {
        count += cost;
        this.counts[i] = count;
        if (count > this.peaks[i]!) this.peaks[i] = count;
      }
      usageOut[i] = count;
    }
    return 0;
  }

  /** The names of the windows set in `mask`, in window order. */
  namesOf(mask: number): string[] {
    return this.names.filter((_, i) => (mask & (1 << i)) !== 0);
  }

  /** Units in use in window i at nowMs. */
  usage(i: number, nowMs: number): number {
    this.advance(nowMs);
    return this.counts[i]!;
  }

  /** Units in use in every window at nowMs, written into `out` in window order. */
  usageInto(nowMs: number, out: number[]): void {
    this.advance(nowMs);
    for (let i = 0; i < this.size; i++) out[i] = this.counts[i]!;
  }

  /** Highest usage of window i right after a take or record. */
  peak(i: number): number {
    return this.peaks[i]!;
  }

  private add(units: Float64Array): void {
    for (let i = 0; i < this.size; i++) {
      const cost = units[i]!;
      if (cost === 0) continue;
      const count = this.counts[i]! + cost;
      this.counts[i] = count;
      if (count > this.peaks[i]!) this.peaks[i] = count;
    }
  }
}
