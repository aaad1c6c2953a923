// `node --expose-gc dist/bench/venue-cost-main.js [updates=1000000] [rounds=6] [children|in-process|both=both]`: the venue-cost figure alone (for before/after pairs without the whole bench).
import { loadAllVenues } from '../src/app/venue-registry.js';
import { loadAllFeedModules } from '../src/app/feed-modules.js';
import { formatVenueCosts, measureVenueCosts } from './venue-cost-bench.js';

await loadAllVenues();
await loadAllFeedModules();
const iterations = Number(process.argv[2] ?? '1000000');
const rounds = Number(process.argv[3] ?? '6');
const which = process.argv[4] ?? 'both';
for (const mode of ['children', 'in-process'] as const) {
  if (which === mode || which === 'both') process.stdout.write(`${formatVenueCosts(await measureVenueCosts(iterations, rounds, mode))}\n`);
}
