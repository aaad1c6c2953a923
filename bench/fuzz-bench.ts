// `npm run fuzz` (node dist/bench/fuzz-bench.js): ≥ 100,000 seeded fast-check inputs per parser; prints inputs, crashes, hangs > 100 ms and wrong accepts each.
// An input over 100 ms is timed twice more; it is a hang only when all three are over (GC pauses on a busy machine do not repeat).
// FUZZ_RUNS (default 100000) and FUZZ_SEED (default 13) override the count and the seed; exit 1 when any parser crashed, hung or accepted wrongly.
import { fuzzTargets, HANG_MS, runFuzz, type FuzzCounts } from './fuzz-targets.js';
import { formatFuzz, fuzzReplayParsers } from './replay-fuzz.js';

export function formatFuzzCounts(c: FuzzCounts): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  return `${c.target.padEnd(32)} inputs ${n(c.inputs).padStart(9)}  crashes ${n(c.crashes).padStart(4)}  hangs>${HANG_MS}ms ${n(c.hangs).padStart(4)}  wrong accepts ${n(c.wrongAccepts).padStart(4)}  slowest ${c.slowestMs.toFixed(1)} ms${c.stallsNotRepeated > 0 ? `  (${c.stallsNotRepeated} machine stalls not repeated on retry)` : ''}`;
}

function main(): void {
  const runs = Number(process.env['FUZZ_RUNS'] ?? '100000');
  const seed = Number(process.env['FUZZ_SEED'] ?? '13');
  process.stdout.write(`shadow-exec fuzz · node ${process.version} · ${runs.toLocaleString('en-US')} inputs per parser · seed ${seed}\n`);
  let bad = 0;
  for (const target of fuzzTargets()) {
    const counts = runFuzz(target, runs, seed);
    process.stdout.write(`${formatFuzzCounts(counts)}\n`);
    for (const sample of counts.samples) process.stdout.write(`    ${sample}\n`);
    bad += counts.crashes + counts.hangs + counts.wrongAccepts;
  }
  // The replay file parsers (line reader, header, records), with their own oracles that also count wrong rejects.
  for (const figures of fuzzReplayParsers(runs, seed)) {
    process.stdout.write(`${formatFuzz(figures)}\n`);
    bad += figures.crashes + figures.hangs + figures.wrongAccepts + figures.wrongRejects;
  }
  process.exitCode = bad === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
