// `node dist/bench/symbols-cost-main.js [totalUpdates] [rounds]`: the symbols-cost figure alone (for before/after pairs without the whole bench).
import { loadAllVenues } from '../src/app/venue-registry.js';
import { loadAllFeedModules } from '../src/app/feed-modules.js';
import { formatSymbolsCost, measureSymbolsCost } from './symbols-cost-bench.js';

await loadAllVenues();
await loadAllFeedModules();
const total = Number(process.argv[2] ?? '300000');
const rounds = Number(process.argv[3] ?? '5');
process.stdout.write(`${formatSymbolsCost(await measureSymbolsCost(total, rounds))}\n`);
