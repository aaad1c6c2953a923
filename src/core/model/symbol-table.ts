// SymbolTable: a run's symbols as dense indexes (0 … n − 1 in the order the run lists them), fixed when the run is composed; names only at the edges.
import { ShadowExecError, invariantViolation } from '../errors/shadow-exec-error.js';

/** A symbol's index in its run's SymbolTable: what the core keys per-symbol state by (plain array indexing). */
export type SymbolIndex = number;

export class SymbolTable {
  private readonly byName: ReadonlyMap<string, SymbolIndex>;

  /** @param names the run's symbols in configured order; index i is names[i]. Throws E_CONFIG on a duplicate. */
  constructor(readonly names: readonly string[]) {
    const byName = new Map<string, SymbolIndex>();
    names.forEach((name, i) => {
      if (byName.has(name)) throw new ShadowExecError('E_CONFIG', `duplicate symbol '${name}' in the run`);
      byName.set(name, i);
    });
    this.byName = byName;
  }

  get size(): number {
    return this.names.length;
  }

  /** The index of `name`, or -1 when the run does not trade it (one map lookup: resolve once, at the edge). */
  indexOf(name: string): SymbolIndex {
    return this.byName.get(name) ?? -1;
  }

  /** The index require() answered last: feeds that cycle through the symbols in run order ask for the next one. */
  private lastRequired = -1;

  /**
   * indexOf for a symbol the run must trade; an unknown one is a bug of the caller. Tries the index after the last one
   * answered first (the synthetic feed's order, and a repeat), as a string compare — a hit skips the map, whose bucket is
   * a cache miss per symbol once a run trades hundreds of them.
   */
  require(name: string, what: string): SymbolIndex {
    const names = this.names;
    let next = this.lastRequired + 1;
    if (next === names.length) next = 0;
    if (names[next] === name) return (this.lastRequired = next);
    const index = this.byName.get(name);
    if (index === undefined) throw invariantViolation(`${what} has no symbol ${name}`);
    this.lastRequired = index;
    return index;
  }

  /** The name of index `i` (for reports, journals and the wire). */
  nameOf(i: SymbolIndex): string {
    const name = this.names[i];
    if (name === undefined) throw invariantViolation(`no symbol at index ${i} (the run has ${this.names.length})`);
    return name;
  }
}
