// Child process of replay-file-bench.ts: replays one file with the `run` command in-process and prints records, wall seconds and peak RSS as one JSON line.
// Usage: node dist/bench/replay-file-child.js <replay file> <report path>
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { runCli } from '../src/cli/main.js';

const [file, reportPath] = process.argv.slice(2);
if (file === undefined || reportPath === undefined) throw new Error('usage: replay-file-child.js <replay file> <report path>');

const discard = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });
const stderrLines: string[] = [];
const stderr = new Writable({
  write: (chunk: Buffer, _encoding, done) => {
    stderrLines.push(chunk.toString('utf8'));
    done();
  },
});
const args = ['run', '--exchange', 'bybit', '--category', 'linear', '--symbols', 'BTCUSDT', '--feed', `replay:${file}`, '--quiet', '--out', reportPath];
const started = process.hrtime.bigint();
const exitCode = await runCli(args, { stdout: discard(), stderr, env: {} });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
let records = 0;
if (exitCode === 0) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { market_data?: { records?: number } };
  records = report.market_data?.records ?? 0;
} else {
  process.stderr.write(stderrLines.join(''));
}
process.stdout.write(`${JSON.stringify({ records, seconds, maxRssKb: process.resourceUsage().maxRSS, exitCode })}\n`);
