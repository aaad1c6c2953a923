// Rng port: seeded randomness split into independent named streams.

export interface Rng {
  /** Uniform draw in [0, 1). */
  next(): number;
  /** An independent stream derived from this one's seed and `name`; draws here never shift the parent's. */
  fork(name: string): Rng;
}
