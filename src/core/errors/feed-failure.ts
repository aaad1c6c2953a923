// The error a live run or a recording ends with when its feed failed: every connection gave up, or no data arrived at all.
import { ShadowExecError } from './shadow-exec-error.js';

/** Retry advice for a feed that could not deliver: nothing about the run was wrong, the venue was not reachable. */
export const FEED_ADVICE = 'safe to retry once the venue is reachable: check the URL (--ws-url), DNS, proxy and firewall';

/**
 * `gaveUp`: every connection gave up (circuit breaker, attempts exhausted) → E_FEED_FAILED; otherwise the run's
 * time passed without data → E_FEED_NO_DATA. `what` ends the message ("the report covers the run up to then").
 */
export function feedFailure(gaveUp: boolean, cause: string, what: string): ShadowExecError {
  return new ShadowExecError(gaveUp ? 'E_FEED_FAILED' : 'E_FEED_NO_DATA', `the live feed failed: ${cause}; ${what}`, { retryable: true, advice: FEED_ADVICE });
}
