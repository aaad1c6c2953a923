// `node dist/bench/replay-path-main.js [records] [rounds] [book-ticker,diff-depth,bybit-delta,normalized,normalized-deep,binary,binary-book-ticker,binary-diff-depth]`: the replay path figures alone (replay-path-bench.ts), for quick before/after pairs.
import { loadAllVenues } from '../src/app/venue-registry.js';
import { loadAllFeedModules } from '../src/app/feed-modules.js';
import { formatReplayPath, measureReplayPaths, type SampleName } from './replay-path-bench.js';
import { loadavg } from 'node:os';

await loadAllVenues();
await loadAllFeedModules();
const records = Number(process.argv[2] ?? '200000');
const rounds = Number(process.argv[3] ?? '5');
process.stdout.write(`replay path bench · node ${process.version} · load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
const only = process.argv[4] === undefined ? null : new Set(process.argv[4].split(',') as SampleName[]);
for (const f of await measureReplayPaths(records, rounds, only)) process.stdout.write(`${formatReplayPath(f)}\n`);
process.stdout.write(`load after ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
