// Reconnect backoff: exponential delays 1, 2, 4, 8, 16 s … capped, with seeded ±jitter.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { Rng } from '../../ports/rng.js';

export interface BackoffSettings {
  /** Delay before the first reconnect attempt, ms. @default 1000 */
  readonly initialDelayMs: number;
  /** Cap on any delay, ms, jitter included; at most 30 000 (issue #5). @default 30000 */
  readonly maxDelayMs: number;
  /** Jitter half-width as a fraction of the un-jittered delay, in [0, 1). @default 0.2 */
  readonly jitterRatio: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { initialDelayMs: 1000, maxDelayMs: 30_000, jitterRatio: 0.2 };

/** Upper bound of the cap allowed by issue #5 ("cap configurable, 30 s at most"). */
export const MAX_BACKOFF_CAP_MS = 30_000;

export function validateBackoff(settings: BackoffSettings): BackoffSettings {
  const { initialDelayMs, maxDelayMs, jitterRatio } = settings;
  if (!Number.isSafeInteger(initialDelayMs) || initialDelayMs < 1) {
    throw new ShadowExecError('E_CONFIG', `backoff initialDelayMs must be an integer ≥ 1 ms, got ${initialDelayMs}`);
  }
  if (!Number.isSafeInteger(maxDelayMs) || maxDelayMs < initialDelayMs || maxDelayMs > MAX_BACKOFF_CAP_MS) {
    throw new ShadowExecError(
      'E_CONFIG',
      `backoff maxDelayMs must be an integer in [${initialDelayMs}, ${MAX_BACKOFF_CAP_MS}] ms, got ${maxDelayMs}`,
    );
  }
  if (!(jitterRatio >= 0 && jitterRatio < 1)) {
    throw new ShadowExecError('E_CONFIG', `backoff jitterRatio must be in [0, 1), got ${jitterRatio}`);
  }
  return settings;
}

/**
 * Delay before reconnect attempt `attempt` (1-based, consecutive attempts since the last stable
 * connection). Rule: base = min(initial × 2^(attempt−1), cap); with u = rng.next() ∈ [0, 1),
 * delay = min(cap, round(base × (1 − j + 2·j·u))), i.e. uniform ±j·base around base, never above
 * the cap. With j = 0 nothing is drawn, so the rng stream is untouched.
 */
export function backoffDelayMs(attempt: number, settings: BackoffSettings, rng: Rng): number {
  if (!Number.isSafeInteger(attempt) || attempt < 1) throw new ShadowExecError('E_INVARIANT', `backoff attempt must be ≥ 1, got ${attempt}`);
  const exponent = Math.min(attempt - 1, 30);
  const base = Math.min(settings.initialDelayMs * 2 ** exponent, settings.maxDelayMs);
  if (settings.jitterRatio === 0) return base;
  const factor = 1 - settings.jitterRatio + 2 * settings.jitterRatio * rng.next();
  return Math.min(settings.maxDelayMs, Math.round(base * factor));
}
