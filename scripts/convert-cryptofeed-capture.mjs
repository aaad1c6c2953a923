// Converts a cryptofeed Binance capture (WebSocket frames + REST depth snapshots) into a replay file (format v1,
// docs/replay-format.md). Needs the build: `npm run build`, then
//   node scripts/convert-cryptofeed-capture.mjs [ws-capture.txt] [rest-snapshots.txt] [out.jsonl]
// Defaults: the 2021-10-11 capture in test/fixtures/venues/ → test/fixtures/replay/binance-spot-2021-10-11.jsonl.
// Input lines: ws   line 1 "<connect url> <-> <epoch s>", then "<epoch s>: <raw frame>";
//              rest "<https url> -> <epoch s>: <raw body>".
// Receive times: decimal epoch seconds → integer ms, truncated on the digits (epochSecondsTextToMs).
// A REST record goes after every frame received at or before its time (stable merge).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeReplay } from '../dist/src/feeds/replay/replay-format.js';
import { epochSecondsTextToMs } from '../dist/src/feeds/replay/epoch-seconds.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const [wsPath = `${root}test/fixtures/venues/binance_spot_ws_capture_cryptofeed_2021-10-11.txt`,
  restPath = `${root}test/fixtures/venues/binance_spot_rest_depth_snapshots_cryptofeed_2021-10-11.txt`,
  outPath = `${root}test/fixtures/replay/binance-spot-2021-10-11.jsonl`] = process.argv.slice(2);

const lines = (path) => readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');

const [connect, ...frameLines] = lines(wsPath);
const connectMatch = /^(wss:\/\/\S+) <-> (\S+)$/.exec(connect ?? '');
if (connectMatch === null) throw new Error(`${wsPath}: line 1 is not "<url> <-> <epoch s>"`);
const url = connectMatch[1];
const host = new URL(url).hostname;
const market = host === 'stream.binance.com' ? 'spot' : host === 'fstream.binance.com' ? 'usdm' : null;
if (market === null) throw new Error(`${wsPath}: not a Binance spot or USDⓈ-M stream host: ${host}`);

const frames = frameLines.map((line, i) => {
  const sep = line.indexOf(': ');
  if (sep < 0) throw new Error(`${wsPath}:${i + 2}: not "<epoch s>: <frame>"`);
  return { kind: 'frame', t: epochSecondsTextToMs(line.slice(0, sep)), frame: line.slice(sep + 2) };
});
const rests = lines(restPath).map((line, i) => {
  const match = /^(https:\/\/\S+) -> ([0-9.]+): ([\s\S]*)$/.exec(line);
  if (match === null) throw new Error(`${restPath}:${i + 1}: not "<url> -> <epoch s>: <body>"`);
  const request = new URL(match[1]);
  return { kind: 'rest', t: epochSecondsTextToMs(match[2]), rest: `GET ${request.pathname}${request.search}`, body: match[3] };
});

const records = [];
let r = 0;
const sortedRests = [...rests].sort((a, b) => a.t - b.t || rests.indexOf(a) - rests.indexOf(b));
for (const frame of frames) {
  while (r < sortedRests.length && sortedRests[r].t < frame.t) records.push(sortedRests[r++]);
  records.push(frame);
}
while (r < sortedRests.length) records.push(sortedRests[r++]);

const header = {
  format: 'shadow-exec-replay',
  version: 1,
  venue: 'binance',
  market,
  url,
  source: `cryptofeed sample_data BINANCE.ws.1.0 + BINANCE.http.0.0 (connected at ${connectMatch[2]} s), converted by scripts/convert-cryptofeed-capture.mjs`,
};
writeFileSync(outPath, encodeReplay(header, records));
process.stdout.write(`${outPath}: ${frames.length} frames, ${rests.length} REST snapshots\n`);
