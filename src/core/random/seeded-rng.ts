// SeededRng: the Rng port on seedrandom's Alea generator; each named fork is an independent stream.
import seedrandom from 'seedrandom';
import type { Rng } from '../../ports/rng.js';

export class SeededRng implements Rng {
  private readonly prng: seedrandom.PRNG;

  /** @param seed the stream's full seed string; forks append "/<name>" */
  constructor(private readonly seed: string) {
    this.prng = seedrandom.alea(seed);
  }

  next(): number {
    return this.prng.quick();
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
