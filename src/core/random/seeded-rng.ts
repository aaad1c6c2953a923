// SeededRng: the Rng port on seedrandom's Alea generator; each named fork is an independent stream.
import type seedrandom from 'seedrandom';
// Alea alone (seedrandom's index also compiles six generators this never uses).
import alea from 'seedrandom/lib/alea.js';
import type { Rng } from '../../ports/rng.js';

/** Alea's state right after seeding, as seedrandom computes it (its Mash hash of the seed). */
interface AleaState {
  readonly c: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}

export class SeededRng implements Rng {
  /**
   * Alea's generator state (Baagøe's algorithm), stepped here exactly as seedrandom's alea steps it — the same
   * IEEE-754 operations in the same order, so the same stream — without a closure call per draw.
   * s0..s2 in [0, 1); c an integer carry. Given a number here (the constructor sets the real state): a field declared
   * without a value starts undefined (ES2022 class fields) and V8 would then allocate a box for every draw.
   */
  private c = 0;
  private s0 = 0.5;
  private s1 = 0.5;
  private s2 = 0.5;

  /** @param seed the stream's full seed string; forks append "/<name>" */
  constructor(private readonly seed: string) {
    const state = (alea(seed, { state: true }) as seedrandom.PRNG & { state(): AleaState }).state();
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  /** Uniform in [0, 1) with 32 bits of randomness: seedrandom's alea quick(). */
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  fork(name: string): Rng {
    return new SeededRng(`${this.seed}/${name}`);
  }
}

/** Bernoulli draw that draws nothing for p of exactly 0 or 1, so those settings never consume the stream. */
export function chance(rng: Rng, probability: number): boolean {
  if (probability <= 0) return false;
  if (probability >= 1) return true;
  return rng.next() < probability;
}

/**
 * Approximately standard-normal draw (Irwin–Hall, 4 uniforms): only + and ×, so identical on every
 * IEEE-754 machine, unlike log/cos based methods. Range ±3.46.
 */
export function approxStandardNormal(rng: Rng): number {
  return (rng.next() + rng.next() + rng.next() + rng.next() - 2) * SQRT3;
}

const SQRT3 = Math.sqrt(3);
