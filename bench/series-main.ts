// `node --expose-gc dist/bench/series-main.js [iterations per symbol] [estimates]`: the --series cost figure alone (for before/after pairs without the whole bench).
import { loadavg } from 'node:os';
import { loadAllVenues } from '../src/app/venue-registry.js';
import { loadAllFeedModules } from '../src/app/feed-modules.js';
import { formatSeriesCost, measureSeriesCost } from './series-bench.js';

await loadAllVenues();
await loadAllFeedModules();
const updates = Number(process.argv[2] ?? '600000');
const rounds = Number(process.argv[3] ?? '5');
const loadBefore = loadavg()[0]!;
const cost = await measureSeriesCost(updates, rounds);
process.stdout.write(`${formatSeriesCost(cost)}\n  load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after\n`);
