// `node --expose-gc dist/bench/series-main.js [iterations per symbol] [estimates]`: the --series cost figure alone (for before/after pairs without the whole bench).
import { loadAllVenues } from '../src/app/venue-registry.js';
import { loadAllFeedModules } from '../src/app/feed-modules.js';
import { formatSeriesCost, measureSeriesCost } from './series-bench.js';

await loadAllVenues();
await loadAllFeedModules();
const updates = Number(process.argv[2] ?? '600000');
const rounds = Number(process.argv[3] ?? '5');
process.stdout.write(`${formatSeriesCost(await measureSeriesCost(updates, rounds))}\n`);
