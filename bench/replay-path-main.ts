// `node dist/bench/replay-path-main.js [records] [rounds]`: the replay path figures alone (replay-path-bench.ts), for quick before/after pairs.
import { loadAllVenues } from '../src/app/venue-registry.js';
import { loadAllFeedModules } from '../src/app/feed-modules.js';
import { formatReplayPath, measureReplayPaths } from './replay-path-bench.js';
import { loadavg } from 'node:os';

await loadAllVenues();
await loadAllFeedModules();
const records = Number(process.argv[2] ?? '200000');
const rounds = Number(process.argv[3] ?? '5');
process.stdout.write(`replay path bench · node ${process.version} · load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
for (const f of await measureReplayPaths(records, rounds)) process.stdout.write(`${formatReplayPath(f)}\n`);
process.stdout.write(`load after ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
