// Builds dist/bundle/ from the compiled tree: the CLI as minified ES module chunks (esbuild; code splitting keeps the lazy imports lazy), so a run compiles a handful of files instead of ~120 (Node 20 has no compile cache; ~1 ms per module). bin/shadow-exec.js prefers it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(`${root}dist/bundle`, { recursive: true, force: true });
const options = {
  entryPoints: { main: `${root}dist/src/cli/main.js` },
  outdir: `${root}dist/bundle`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // ws requires its optional native add-ons at run time: it stays a package, loaded (lazily) from node_modules.
  // piscina starts its own worker script by a path next to its code (dist/worker.js): it stays a package too.
  // ccxt (64 MB, ~2 s to import) stays a package too: src/venues/ccxt/ccxt-library.ts imports it only for a ccxt: venue.
  external: ['ws', 'bufferutil', 'utf-8-validate', 'piscina', '@napi-rs/nice', 'ccxt'],
  chunkNames: 'chunk-[hash]',
  sourcemap: false,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __shadowExecCreateRequire } from 'node:module'; const require = __shadowExecCreateRequire(import.meta.url);" },
};
await build(options);
// The sweep's worker-thread entry, which piscina starts by file name in each thread: a build of its own in
// dist/bundle/worker/, so the code it shares with the CLI does not split the CLI's chunks (a run loads as few as before).
await build({ ...options, entryPoints: { 'sweep-worker': `${root}dist/src/app/sweep/sweep-worker.js` }, outdir: `${root}dist/bundle/worker` });
