// CircuitBreaker: CLOSED → OPEN after too many venue-call failures in a rolling window, OPEN → HALF_OPEN after a cooldown, one probe decides.
import { ShadowExecError, invariantViolation } from '../errors/shadow-exec-error.js';

export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** Why the breaker changed state. */
export type CircuitTransitionReason = 'FAILURE_THRESHOLD' | 'COOLDOWN_ELAPSED' | 'PROBE_SUCCEEDED' | 'PROBE_FAILED';

export interface CircuitTransition {
  readonly from: CircuitState;
  readonly to: CircuitState;
  /** Virtual ms of the change (OPEN → HALF_OPEN: the exact moment the cooldown ran out, openedAt + cooldownMs). */
  readonly atMs: number;
  readonly reason: CircuitTransitionReason;
}

export interface CircuitBreakerOptions {
  /** Failures within `windowMs` that open the circuit; positive integer. @default 5 */
  readonly failureThreshold?: number;
  /** Rolling window of failures, ms: a failure at t counts while now < t + windowMs. @default 30 000 */
  readonly windowMs?: number;
  /** Time OPEN before one probe is let through (HALF_OPEN), ms. @default 60 000 */
  readonly cooldownMs?: number;
}

export const CIRCUIT_DEFAULTS = { failureThreshold: 5, windowMs: 30_000, cooldownMs: 60_000 } as const;

function positiveInteger(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ShadowExecError('E_CONFIG', `circuit breaker ${what} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/**
 * State is a function of the calls made and of time: OPEN becomes HALF_OPEN on the first call at or after
 * openedAt + cooldownMs (recorded at that exact moment). In HALF_OPEN, `tryAcquire` grants exactly one probe; the
 * first onSuccess/onFailure after it is the probe's outcome (success → CLOSED with the failure window cleared,
 * failure → OPEN with a new cooldown from that failure). Outcomes of calls made before the circuit opened (OPEN, or
 * HALF_OPEN with no probe out) are ignored: they neither extend the cooldown nor close the circuit. A success while
 * CLOSED does not forgive earlier failures: the window alone ages them out. Times must never go backwards.
 */
export class CircuitBreaker {
  readonly failureThreshold: number;
  readonly windowMs: number;
  readonly cooldownMs: number;
  private current: CircuitState = 'CLOSED';
  /** Times of failures while CLOSED that may still be in the window, oldest first. */
  private failures: number[] = [];
  private openedAtMs = -1;
  private probeOut = false;
  /** Time of the last call, virtual ms; −∞ before the first (a number from the start: V8 keeps it unboxed). */
  private lastMs = Number.NEGATIVE_INFINITY;
  private readonly log: CircuitTransition[] = [];

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = positiveInteger(options.failureThreshold, CIRCUIT_DEFAULTS.failureThreshold, 'failureThreshold');
    this.windowMs = positiveInteger(options.windowMs, CIRCUIT_DEFAULTS.windowMs, 'windowMs');
    this.cooldownMs = positiveInteger(options.cooldownMs, CIRCUIT_DEFAULTS.cooldownMs, 'cooldownMs');
  }

  /** Every state change so far, in order. */
  get transitions(): readonly CircuitTransition[] {
    return this.log;
  }

  state(nowMs: number): CircuitState {
    this.advance(nowMs);
    return this.current;
  }

  /** Whether a call could go out now, without taking the half-open probe. */
  allows(nowMs: number): boolean {
    this.advance(nowMs);
    return this.current === 'CLOSED' || (this.current === 'HALF_OPEN' && !this.probeOut);
  }

  /** Whether this call may go out; in HALF_OPEN it takes the single probe (true once until its outcome). */
  tryAcquire(nowMs: number): boolean {
    this.advance(nowMs);
    if (this.current === 'CLOSED') return true;
    if (this.current === 'OPEN' || this.probeOut) return false;
    this.probeOut = true;
    return true;
  }

  /** A venue call succeeded; returns the transition it caused, if any. */
  onSuccess(nowMs: number): CircuitTransition | null {
    this.advance(nowMs);
    if (this.current !== 'HALF_OPEN' || !this.probeOut) return null;
    this.probeOut = false;
    this.failures = [];
    return this.move('CLOSED', nowMs, 'PROBE_SUCCEEDED');
  }

  /** A venue call failed (5xx, timeout, …); returns the transition it caused, if any. */
  onFailure(nowMs: number): CircuitTransition | null {
    this.advance(nowMs);
    if (this.current === 'HALF_OPEN') {
      if (!this.probeOut) return null;
      this.probeOut = false;
      return this.open(nowMs, 'PROBE_FAILED');
    }
    if (this.current === 'OPEN') return null;
    this.failures.push(nowMs);
    return this.failures.length >= this.failureThreshold ? this.open(nowMs, 'FAILURE_THRESHOLD') : null;
  }

  /** Failures now inside the window (0 unless CLOSED). */
  failuresInWindow(nowMs: number): number {
    this.advance(nowMs);
    return this.failures.length;
  }

  private open(nowMs: number, reason: CircuitTransitionReason): CircuitTransition {
    this.failures = [];
    this.openedAtMs = nowMs;
    return this.move('OPEN', nowMs, reason);
  }

  private move(to: CircuitState, atMs: number, reason: CircuitTransitionReason): CircuitTransition {
    const transition: CircuitTransition = { from: this.current, to, atMs, reason };
    this.current = to;
    this.log.push(transition);
    return transition;
  }

  private advance(nowMs: number): void {
    if (!Number.isSafeInteger(nowMs)) throw invariantViolation(`circuit breaker: nowMs must be an integer, got ${String(nowMs)}`);
    if (nowMs < this.lastMs) throw invariantViolation(`circuit breaker: time went backwards (${nowMs} < ${this.lastMs})`);
    this.lastMs = nowMs;
    if (this.current === 'OPEN' && nowMs >= this.openedAtMs + this.cooldownMs) {
      this.move('HALF_OPEN', this.openedAtMs + this.cooldownMs, 'COOLDOWN_ELAPSED');
    }
    let expired = 0;
    while (expired < this.failures.length && this.failures[expired]! + this.windowMs <= nowMs) expired += 1;
    if (expired > 0) this.failures = this.failures.slice(expired);
  }
}
