// Stopwatch port: real elapsed time, for measuring how long code runs (strategy callbacks) — never a time of the run.
//
// The run's own time is the Clock (virtual in synthetic and replay runs). A stopwatch reads the machine's monotonic
// clock, so what it measures differs run to run: it may decide a budget (a callback over --strategy-budget-ms stops the
// run) and feed stderr or an opt-in report section (--strategy-timing), never a byte-stable report field.

export interface Stopwatch {
  /** Monotonic real ms (fractional) since an arbitrary origin; only differences of two readings mean anything. */
  elapsedMs(): number;
}

/** A stopwatch that never moves: every callback takes 0 ms (tests, and loops built without one). */
export const STILL_STOPWATCH: Stopwatch = { elapsedMs: () => 0 };
