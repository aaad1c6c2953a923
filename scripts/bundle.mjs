// Builds dist/bundle/ from the compiled tree: the CLI as minified ES module chunks (esbuild; code splitting keeps the lazy imports lazy), so a run compiles a handful of files instead of ~120 (Node 20 has no compile cache; ~1 ms per module). bin/shadow-exec.js prefers it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
// The run command's own CLI build in dist/bundle/run/ (bin/shadow-exec.js starts it for `shadow-exec run …`, the hot
// path): the same main.js, but program.js imports the run command statically and every other command is a stub, so
// the ten other commands' dynamic imports no longer split the modules run shares with them into chunks of their own.
// A fake run loads 22 files of it instead of 34 of dist/bundle/ (figures in test/e2e/cold-start.test.ts). The venues
// and the run path's rare parts (config file, live feed, HTML report, key providers, ora, chalk) stay dynamic imports.
// A process loads one build only (bin/ picks it), so module identity (error classes, the venue registry's state) is
// never split between two copies; no chunks are concatenated after the build (ES module live bindings stay esbuild's).
const PROGRAM = /[\\/]dist[\\/]src[\\/]cli[\\/]program\.js$/;
const RUN_IMPORT = "import('./commands/run-command.js')";
const runOnly = {
  name: 'run-only-program',
  setup(b) {
    b.onLoad({ filter: PROGRAM }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.split(RUN_IMPORT).length !== 2) throw new Error(`bundle: ${args.path} must hold exactly one ${RUN_IMPORT}`);
      const others = source.match(/import\('\.\/commands\/[a-z-]+-command\.js'\)/g) ?? [];
      let contents = `import * as __shadowExecRunCommand from './commands/run-command.js';\n${source.replace(RUN_IMPORT, 'Promise.resolve(__shadowExecRunCommand)')}`;
      for (const other of others.filter((o) => o !== RUN_IMPORT)) contents = contents.replace(other, "import('./run-only-stub.js')");
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
    b.onResolve({ filter: /^\.\/run-only-stub\.js$/ }, () => ({ path: 'run-only-stub', namespace: 'run-only' }));
    b.onLoad({ filter: /.*/, namespace: 'run-only' }, () => ({
      contents: "throw new Error('invariant violated: dist/bundle/run/ builds the run command only (bin/shadow-exec.js starts it for `run`); use dist/bundle/main.js');",
      loader: 'js',
    }));
  },
};
await build({ ...options, outdir: `${root}dist/bundle/run`, plugins: [runOnly] });
