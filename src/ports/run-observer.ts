// RunObserver: what watches a run from outside the core (the --series sampler) — told each fill and each advance of virtual time; it never changes the run.
import type { Fill } from '../core/model/fill.js';

export interface RunObserver {
  /** A fill of one of the loop's orders, after the ledger applied it; `feePico` its fee, pico-quote (10⁻¹²). */
  onFill(fill: Fill, feePico: bigint): void;
  /**
   * Virtual time is about to move to `nextMs` (the next event's time; every event at or before the current time has
   * run). Returns the next virtual ms at which the observer wants to be told again: the session calls only once an
   * event lies beyond it (a comparison per event, no scheduler event of its own, so the report is unchanged).
   */
  advance(nextMs: number): number;
  /** The run has drained at virtual `endMs`: last observations up to and including it. */
  end(endMs: number): void;
}
