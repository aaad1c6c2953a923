// Builds test/fixtures/replay/bybit-linear-samples.jsonl (replay format v1) from the April 2023 LINEAR frames of
// the tardis Bybit V5 samples. Needs the build: `npm run build`, then node scripts/build-bybit-replay-sample.mjs [out.jsonl]
// Kept: publicTrade.LTCUSDT, orderbook.1.BTCUSDT snapshot + delta, orderbook.50.BTCPERP snapshot + delta,
// tickers.BTCUSDT snapshot. Left out: inverse symbols (BTCUSD, BTCUSDU23), liquidations, and the orderbook.1
// delta of 2023-04-21 (u 1188472, another session: it would be a gap after the 04-05 snapshot).
// Receive times are MADE UP: t = the push's venue ts + 7 ms. Records are ordered by t (stable).
// Frames are the compact JSON of each sample, keys in the sample's order.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeReplay } from '../dist/src/feeds/replay/replay-format.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const samples = JSON.parse(readFileSync(`${root}test/fixtures/venues/bybit_v5_ws_tardis_derivatives_samples.json`, 'utf8'));
const LINEAR = new Set(['publicTrade.LTCUSDT', 'orderbook.1.BTCUSDT', 'orderbook.50.BTCPERP', 'tickers.BTCUSDT']);
const RECEIVE_LATENCY_MS = 7;

const kept = samples.messages.filter((m) => LINEAR.has(m.topic) && m.ts < Date.UTC(2023, 3, 6));
const records = kept
  .map((m, i) => ({ i, record: { kind: 'frame', t: m.ts + RECEIVE_LATENCY_MS, frame: JSON.stringify(m) } }))
  .sort((a, b) => a.record.t - b.record.t || a.i - b.i)
  .map((x) => x.record);

const header = {
  format: 'shadow-exec-replay',
  version: 1,
  venue: 'bybit',
  market: 'linear',
  url: 'wss://stream.bybit.com/v5/public/linear',
  source: 'tardis-node test/mappers.test.ts Bybit V5 linear samples (2023-04-05); receive times made up as ts + 7 ms; built by scripts/build-bybit-replay-sample.mjs',
};
const out = process.argv[2] ?? `${root}test/fixtures/replay/bybit-linear-samples.jsonl`;
writeFileSync(out, encodeReplay(header, records));
process.stdout.write(`${out}: ${records.length} frames\n`);
