// Builds dist/bundle/ from the compiled tree: the CLI as minified ES module chunks (esbuild; code splitting keeps the lazy imports lazy), so a run compiles a handful of files instead of ~120 (Node 20 has no compile cache; ~1 ms per module). bin/shadow-exec.js prefers it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(`${root}dist/bundle`, { recursive: true, force: true });
await build({
  entryPoints: { main: `${root}dist/src/cli/main.js` },
  outdir: `${root}dist/bundle`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // ws requires its optional native add-ons at run time: it stays a package, loaded (lazily) from node_modules.
  // ccxt (64 MB, ~2 s to import) stays a package too: src/venues/ccxt/ccxt-library.ts imports it only for a ccxt: venue.
  external: ['ws', 'bufferutil', 'utf-8-validate', 'ccxt'],
  chunkNames: 'chunk-[hash]',
  sourcemap: false,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __shadowExecCreateRequire } from 'node:module'; const require = __shadowExecCreateRequire(import.meta.url);" },
});
