// parseSeeds: the seeds axis of a sweep from `--seeds 1..20`, `1,2,5` or `1..5,10..12` (ranges inclusive, in the order given).
import { UsageError } from '../../core/errors/shadow-exec-error.js';

/** Most seeds one sweep takes. */
export const MAX_SEEDS = 100_000;

export function parseSeeds(text: string): readonly number[] {
  const seeds: number[] = [];
  const bad = (part: string, why: string): never => {
    throw new UsageError(`--seeds '${text}': '${part}' ${why}; expected seeds and inclusive ranges separated by commas, e.g. 1..20 or 1,2,5 or 1..5,10`);
  };
  const seed = (part: string, digits: string): number => {
    if (!/^\d+$/.test(digits)) bad(part, 'is not a whole number ≥ 0');
    const n = Number(digits);
    if (!Number.isSafeInteger(n)) bad(part, 'is too large');
    return n;
  };
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const range = /^(\S+?)\.\.(\S+)$/.exec(part);
    if (range === null) seeds.push(seed(part, part));
    else {
      const from = seed(part, range[1]!);
      const to = seed(part, range[2]!);
      if (to < from) bad(part, 'runs backwards');
      if (to - from + 1 + seeds.length > MAX_SEEDS) bad(part, `makes more than ${MAX_SEEDS} seeds`);
      for (let s = from; s <= to; s++) seeds.push(s);
    }
    if (seeds.length > MAX_SEEDS) bad(part, `makes more than ${MAX_SEEDS} seeds`);
  }
  const seen = new Set<number>();
  for (const s of seeds) {
    if (seen.has(s)) throw new UsageError(`--seeds '${text}': seed ${s} is given twice`);
    seen.add(s);
  }
  return seeds;
}
