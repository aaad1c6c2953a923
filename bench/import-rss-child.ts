// Child process of import-bench.ts: imports a generated incremental_book_L2 input of N rows (streamed from memory, output to /dev/null) and prints rows, records, seconds and RSS (peak, and sampled after the first and last million rows) as one JSON line.
// Usage: node dist/bench/import-rss-child.js <rows>
import { ImportFileSource } from '../src/feeds/import/import-file-source.js';
import { ImportMerge } from '../src/feeds/import/import-merge.js';
import { ReplayLineWriter } from '../src/feeds/import/replay-line-writer.js';
import { TardisCsvReader } from '../src/feeds/import/tardis-csv-reader.js';
import { NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT } from '../src/feeds/replay/replay-format.js';
import { GeneratedL2Reader } from './tardis-l2-input.js';

const rows = Number(process.argv[2] ?? '10000000');
const chunks = new GeneratedL2Reader(rows);
const source = new ImportFileSource(chunks, new TardisCsvReader(chunks.label, [{ id: 'binance-futures', venue: 'binance', market: 'usdm' }]), { symbols: null, fromUs: null, toUs: null }, 0);
const started = process.hrtime.bigint();
const merge = ImportMerge.of([source]);
const writer = ReplayLineWriter.open('/dev/null', { format: REPLAY_FORMAT, version: NORMALIZED_REPLAY_VERSION, venue: 'binance', market: 'usdm', data: 'normalized', source: 'bench' });
let records = 0;
let rssAfterFirstMillion = 0;
let rss = 0;
for (let line = merge.next(); line !== null; line = merge.next()) {
  writer.record(line);
  if ((++records & 0xffff) === 0) {
    rss = process.memoryUsage.rss();
    if (rssAfterFirstMillion === 0 && merge.rows >= 1_000_000) rssAfterFirstMillion = rss;
  }
}
writer.close();
merge.close();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ rows: merge.rows, records, seconds, rssAfterFirstMillionMb: rssAfterFirstMillion / 1_048_576, rssAtEndMb: rss / 1_048_576, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
