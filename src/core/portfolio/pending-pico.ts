// PendingPico: a running pico-quote amount kept as bigint settled + a safe-integer count of atoms not yet multiplied out, so a fill adds a Number instead of allocating BigInts.

/**
 * value = settled + pending × unitPico, exactly. `pending` is a count of units (an instrument's tick × lot atoms, or of
 * a fee's per-atom amount) and stays a safe integer: an add whose exact sum could leave ±(2^53 − 1) folds the pending
 * units into `settled` first (and adds an unsafe delta as a BigInt), so no rounding ever happens. Why: the ledger's
 * bigint arithmetic was 9.8 % of a busy run's CPU (issue #21); a run's per-symbol sums stay far below 2^53 atoms
 * (9e15 atoms of a 1e-5-quote atom is 9e10 quote traded), so the fold is rare. `value` folds too (reads repeat cheaply).
 * test/core/portfolio/ledger-differential.test.ts checks the ledger built on it against the all-bigint ledger.
 */
export class PendingPico {
  private settled = 0n;
  private pending = 0;

  /** @param unitPico pico-quote per unit counted in `pending` */
  constructor(private readonly unitPico: bigint) {}

  /** Adds `units` × unitPico; `units` an integer (exact as a Number: a safe integer, else it is added as a BigInt). */
  addUnits(units: number): void {
    const sum = this.pending + units;
    if (Number.isSafeInteger(sum)) {
      this.pending = sum;
      return;
    }
    this.fold();
    if (Number.isSafeInteger(units)) this.pending = units;
    else this.settled += BigInt(units) * this.unitPico;
  }

  /** Adds a pico amount as it is. */
  addPico(pico: bigint): void {
    this.settled += pico;
  }

  /** Replaces the whole value by `units` × unitPico. */
  setUnits(units: number): void {
    this.settled = 0n;
    this.pending = 0;
    this.addUnits(units);
  }

  /** Replaces the whole value by a pico amount. */
  setPico(pico: bigint): void {
    this.settled = pico;
    this.pending = 0;
  }

  /** The exact value, pico-quote. */
  get value(): bigint {
    if (this.pending !== 0) this.fold();
    return this.settled;
  }

  private fold(): void {
    this.settled += BigInt(this.pending) * this.unitPico;
    this.pending = 0;
  }
}
