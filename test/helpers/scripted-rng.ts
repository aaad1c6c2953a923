// ScriptedRng: an Rng that replays fixed draws, counts them, and throws when the script runs out.
import type { Rng } from '../../src/ports/rng.js';

/** Replays fixed draws and counts them. */
export class ScriptedRng implements Rng {
  draws = 0;
  constructor(private readonly values: number[]) {}
  next(): number {
    const v = this.values[this.draws++];
    if (v === undefined) throw new Error('script exhausted');
    return v;
  }
  fork(): Rng {
    throw new Error('not used');
  }
}
