// `node --expose-gc dist/bench/venue-cost-main.js [updates=1000000] [rounds=6]`: the venue-cost figure alone (for before/after pairs without the whole bench).
import { loadAllVenues } from '../src/app/venue-registry.js';
import { loadAllFeedModules } from '../src/app/feed-modules.js';
import { formatVenueCosts, measureVenueCosts } from './venue-cost-bench.js';

await loadAllVenues();
await loadAllFeedModules();
const iterations = Number(process.argv[2] ?? '1000000');
const rounds = Number(process.argv[3] ?? '6');
process.stdout.write(`${formatVenueCosts(await measureVenueCosts(iterations, rounds))}\n`);
