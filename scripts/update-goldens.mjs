// Regenerates golden/<name>.json for every case in golden/cases.json through the built CLI. Run on purpose only:
//   npm run golden:update   (then review `git diff golden/` before committing)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cases = JSON.parse(readFileSync(`${root}golden/cases.json`, 'utf8'));
for (const c of cases) {
  const report = execFileSync(process.execPath, [`${root}bin/shadow-exec.js`, ...c.args, '--quiet'], { encoding: 'utf8' });
  writeFileSync(`${root}golden/${c.name}.json`, report);
  process.stdout.write(`golden/${c.name}.json updated\n`);
}
