// Input checks and exact integer division shared by the limiter strategies.
import { ShadowExecError, invariantViolation } from '../errors/shadow-exec-error.js';

/** A cost must be a non-negative safe integer. */
export function requireCost(cost: number, limiter: string): void {
  if (!Number.isSafeInteger(cost) || cost < 0) throw invariantViolation(`${limiter}: cost must be a non-negative integer, got ${String(cost)}`);
}

/** nowMs must be a safe integer not before the previous call's. */
export function requireMonotonic(nowMs: number, lastMs: number | undefined, limiter: string): void {
  if (!Number.isSafeInteger(nowMs)) throw invariantViolation(`${limiter}: nowMs must be an integer, got ${String(nowMs)}`);
  if (lastMs !== undefined && nowMs < lastMs) throw invariantViolation(`${limiter}: time went backwards (${nowMs} < ${lastMs})`);
}

/** A request costing more than the budget can never be sent: a configuration error, not a wait. */
export function requireFits(cost: number, budget: number, limiter: string): void {
  if (cost > budget) {
    throw new ShadowExecError('E_CONFIG', `${limiter}: a request costing ${cost} can never fit its budget of ${budget}`);
  }
}

/** A positive safe integer option, e.g. a limit or a window length. */
export function requirePositiveInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new ShadowExecError('E_CONFIG', `${what} must be a positive integer, got ${String(value)}`);
}

/** ceil(a / b) exactly for safe integers a >= 0, b > 0 (no float rounding at the boundary). */
export function ceilDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b < a) q += 1;
  while (q > 0 && (q - 1) * b >= a) q -= 1;
  return q;
}

/**
 * The client's budget for a `limit` when it starts queueing at `queueAtPercent` of it: floor(limit × pct / 100),
 * at least 1. 100 means the full limit.
 */
export function budgetFor(limit: number, queueAtPercent: number, what: string): number {
  if (!Number.isSafeInteger(queueAtPercent) || queueAtPercent < 1 || queueAtPercent > 100) {
    throw new ShadowExecError('E_CONFIG', `${what}: queueAtPercent must be an integer from 1 to 100, got ${String(queueAtPercent)}`);
  }
  return Math.max(1, Math.floor((limit * queueAtPercent) / 100));
}

/** The settings every window limiter takes: a name, `limit` units per `windowMs`, and where the client starts queueing. */
export interface WindowLimiterOptions {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  /** The client queues beyond this percentage of `limit` (integer 1..100); default 100. */
  readonly queueAtPercent?: number;
}

/** Validates window-limiter options; `budget` is the usage at which the client starts to queue. */
export function resolveWindowOptions(options: WindowLimiterOptions): { name: string; limit: number; windowMs: number; budget: number } {
  requirePositiveInteger(options.limit, `${options.name}: limit`);
  requirePositiveInteger(options.windowMs, `${options.name}: windowMs`);
  return {
    name: options.name,
    limit: options.limit,
    windowMs: options.windowMs,
    budget: budgetFor(options.limit, options.queueAtPercent ?? 100, options.name),
  };
}
