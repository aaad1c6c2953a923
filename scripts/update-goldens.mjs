// Regenerates golden/<name>.json for every case in golden/cases.json through the built CLI. Run on purpose only:
//   npm run golden:update   (then review `git diff golden/` before committing)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cases = JSON.parse(readFileSync(`${root}golden/cases.json`, 'utf8'));
// Goldens never depend on keys in the caller's environment: dry runs sign with the placeholder pair.
const env = {
  ...process.env,
  BYBIT_API_KEY: '',
  BYBIT_API_SECRET: '',
  BYBIT_API_KEY_DEV: '',
  BYBIT_API_SECRET_DEV: '',
  BINANCE_API_KEY: '',
  BINANCE_SECRET_KEY: '',
  BINANCE_API_KEY_DEV: '',
  BINANCE_SECRET_KEY_DEV: '',
};
const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-goldens-'));
try {
  for (const c of cases) {
    const journal = join(tmp, `${c.name}.journal.jsonl`);
    const args = [`${root}bin/shadow-exec.js`, ...c.args, ...(c.journal ? ['--journal', journal] : []), '--quiet'];
    const report = execFileSync(process.execPath, args, { encoding: 'utf8', env });
    writeFileSync(`${root}golden/${c.name}.json`, report);
    process.stdout.write(`golden/${c.name}.json updated\n`);
    if (c.journal) {
      copyFileSync(journal, `${root}golden/${c.name}.journal.jsonl`);
      process.stdout.write(`golden/${c.name}.journal.jsonl updated\n`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
