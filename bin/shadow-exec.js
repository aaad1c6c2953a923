#!/usr/bin/env node
// Launcher: runs the bundled CLI (dist/bundle/, a few ES module chunks: a faster start) or, without it, the compiled tree (dist/src/); both are built by `npm install` through the prepare script.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `run` (the hot path) has a build of its own, dist/bundle/run/ (scripts/bundle.mjs): fewer, larger chunks for a run.
const runBundled = new URL('../dist/bundle/run/main.js', import.meta.url);
const mainBundled = new URL('../dist/bundle/main.js', import.meta.url);
const bundled = process.argv[2] === 'run' && existsSync(fileURLToPath(runBundled)) ? runBundled : mainBundled;
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
// SHADOW_EXEC_UNBUNDLED=1 runs the compiled tree (one file per module, source maps): for debugging and module-graph tests.
const entry = process.env.SHADOW_EXEC_UNBUNDLED !== '1' && existsSync(fileURLToPath(bundled)) ? bundled : compiled;
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('error: shadow-exec is not built: run `npm install` (or `npm run build`) in the project folder\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
