// ReconnectPolicy: when a connection retries and when it gives up — backoff attempts, consecutive failed dials, the circuit breaker.
import type { Rng } from '../../ports/rng.js';
import { backoffDelayMs, type BackoffSettings } from './reconnect-backoff.js';

export type ReconnectDecision =
  | { readonly kind: 'retry'; readonly attempt: number; readonly delayMs: number }
  | { readonly kind: 'give-up'; readonly reason: string; readonly circuitOpen: boolean };

export interface ReconnectPolicySettings {
  readonly backoff: BackoffSettings;
  /** Attempts without a stable socket before giving up; Infinity for unlimited. */
  readonly maxReconnectAttempts: number;
  /** Consecutive failed dials that open the circuit. */
  readonly circuitBreakerThreshold: number;
}

/**
 * `attempt` counts reconnects since the last stable socket (it picks the backoff delay);
 * `consecutiveFailures` counts dials that never opened since the last one that did (it trips the
 * circuit). A socket that opens and drops at once therefore escalates the backoff without
 * tripping the circuit.
 */
export class ReconnectPolicy {
  private attempt = 0;
  private failures = 0;
  private open = false;

  constructor(
    private readonly settings: ReconnectPolicySettings,
    private readonly rng: Rng,
  ) {}

  get consecutiveFailures(): number {
    return this.failures;
  }

  get circuitOpen(): boolean {
    return this.open;
  }

  /** A fresh start (start() after giving up): everything cleared, circuit closed. */
  reset(): void {
    this.attempt = 0;
    this.failures = 0;
    this.open = false;
  }

  /** A socket opened. */
  opened(): void {
    this.failures = 0;
  }

  /** A socket stayed open long enough: the next loss starts again at the first delay. */
  stable(): void {
    this.attempt = 0;
  }

  /** A socket was lost (`dialFailed`: it never opened). Decides the next step. */
  lost(dialFailed: boolean, reason: string): ReconnectDecision {
    if (dialFailed) {
      this.failures++;
      if (this.failures >= this.settings.circuitBreakerThreshold) {
        this.open = true;
        return { kind: 'give-up', reason: `circuit open after ${this.failures} consecutive failed connection attempts; last: ${reason}`, circuitOpen: true };
      }
    }
    this.attempt++;
    const max = this.settings.maxReconnectAttempts;
    if (this.attempt > max) return { kind: 'give-up', reason: `reconnect attempts exhausted (${max}) after: ${reason}`, circuitOpen: false };
    return { kind: 'retry', attempt: this.attempt, delayMs: backoffDelayMs(this.attempt, this.settings.backoff, this.rng) };
  }
}
