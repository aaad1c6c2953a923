// Regenerates every golden file (golden/<name>.json, and .journal.jsonl where a case records one) through the built CLI.
// Run on purpose only:   npm run golden:update   (then review `git diff golden/` before committing)
// It is `shadow-exec golden check --update`: one implementation for CI, tests and updates.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
execFileSync(process.execPath, [`${root}bin/shadow-exec.js`, 'golden', 'check', '--update', `${root}golden`], { stdio: 'inherit' });
