// Covers the CLI's cold start: a fake-venue run loads only what it uses (no ws, ora, chalk, no other venue's code, other commands, replay/live feeds, key providers, config file reader), traced by a module load hook in the spawned CLI.
import { describe, expect, it } from 'vitest';
import { loadedModules } from '../../bench/cold-start.js';
import { BIN } from '../helpers/cli.js';

/** NO_COLOR and no FORCE_COLOR: the summary is plain whatever the test runner sets, so chalk is not needed. */
function plainEnv(unbundled = true): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SHADOW_EXEC_UNBUNDLED: unbundled ? '1' : '0' };
  delete env['FORCE_COLOR'];
  return env;
}

/**
 * The package-relative paths of the modules `shadow-exec <args>` loads ("node_modules/ws/wrapper.mjs", "dist/src/…"),
 * from the compiled tree: the bundle's chunks split along the same lazy imports.
 */
function modulesOf(args: readonly string[], unbundled = true): string[] {
  return loadedModules([BIN, ...args], plainEnv(unbundled))
    .filter((url) => url.startsWith('file:'))
    .map((url) => url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/'));
}

describe('shadow-exec run --iterations 3 on the fake venue', () => {
  const modules = modulesOf(['run', '--iterations', '3']);
  const under = (prefix: string): string[] => modules.filter((m) => m.startsWith(prefix));

  it('is traced: the fake venue and the engine are among the loaded modules', () => {
    expect(modules).toContain('dist/src/venues/fake/fake-venue-rules.js');
    expect(modules).toContain('dist/src/engine/execution-loop.js');
  });

  it('loads neither ws nor ora nor chalk', () => {
    expect(under('node_modules/ws/')).toEqual([]);
    expect(under('node_modules/ora/')).toEqual([]);
    expect(under('node_modules/chalk/')).toEqual([]);
  });

  it('loads the fake venue through the registry and no other venue folder (the run options and help name no venue)', () => {
    expect(modules).toContain('dist/src/venues/fake/fake-venue.js');
    expect(under('dist/src/venues/bybit/')).toEqual([]);
    expect(under('dist/src/venues/binance/')).toEqual([]);
  });

  it('loads the run command only, no replay or live feed and no key providers', () => {
    expect(under('dist/src/cli/commands/')).toEqual(['dist/src/cli/commands/run-command.js']);
    expect(under('dist/src/feeds/replay/')).toEqual([]);
    expect(under('dist/src/feeds/live/')).toEqual(['dist/src/feeds/live/endpoint-url.js']);
    expect(modules.filter((m) => /^dist\/src\/app\/(compose-live|compose-replay|compose-record|live-venue)\.js$/.test(m))).toEqual([]);
    expect(under('dist/src/secrets/')).toEqual([]);
  });

  it('without --config loads neither the config file reader nor the scenario modules it shares', () => {
    expect(modules.filter((m) => /^dist\/src\/cli\/run-config-(file|merge)\.js$/.test(m))).toEqual([]);
    expect(under('dist/src/scenario/')).toEqual([]);
  });
});

describe('shadow-exec run --exchange bybit', () => {
  it('loads the bybit venue through the registry, and nothing of binance', () => {
    const modules = modulesOf(['run', '--iterations', '3', '--exchange', 'bybit']);
    expect(modules).toContain('dist/src/venues/bybit/bybit-venue.js');
    expect(modules).toContain('dist/src/venues/bybit/bybit-api-gate.js');
    expect(modules.filter((m) => m.startsWith('dist/src/venues/binance/'))).toEqual([]);
  });
});

describe('the bundled CLI (what bin/shadow-exec.js runs by default)', () => {
  it('runs `run` from its own build, dist/bundle/run/: a few chunks, no compiled-tree module, neither ws nor ora nor chalk', () => {
    const modules = modulesOf(['run', '--iterations', '3'], false);
    expect(modules).toContain('dist/bundle/run/main.js');
    expect(modules.filter((m) => m.startsWith('dist/bundle/') && !m.startsWith('dist/bundle/run/'))).toEqual([]);
    expect(modules.filter((m) => m.startsWith('dist/src/'))).toEqual([]);
    expect(modules.filter((m) => m.startsWith('node_modules/'))).toEqual([]);
    // 30 chunks since every venue, the fake one too, loads through the registry's dynamic import (esbuild splits what the
    // venue chunks share); a fake run's CPU time is unchanged (median 0.18 vs 0.17 CPU-s over 10 runs on one machine).
    // 33 since compare and sweep share cli/terminal.js and cli/progress-text.js with run (each now a chunk of its own);
    // a fake run's CPU time unchanged within noise (medians 0.29, 0.25 vs 0.26, 0.28 CPU-s, 31 vs 33 chunks alternated).
    // 35 with --series and core/model/order.js; then 21 (main.js and 20 chunks): `run` got a build of its own
    // (scripts/bundle.mjs) where program.js imports the run command statically and the other ten commands are stubs, so
    // what run shares with them is no longer split by their dynamic imports. The 20 chunks left are split by the other
    // venues and the run path's own lazy parts (--config, live/replay feeds, --out, keys, HTML report). 22 after merging
    // main's strategy/replay/html work (json-syntax-error.js and secret-provider.js now a chunk each; dist/bundle/: 34).
    // A fake run's CPU time a little lower (medians 0.227 vs 0.239 and 0.259 vs 0.265 CPU-s, 21 vs 35 files, 40 runs each
    // alternated at load 17-20), wall time within noise. The bound is the count: a new split on the run path fails here.
    expect(modules.filter((m) => m.startsWith('dist/bundle/')).length).toBeLessThanOrEqual(22);
  });

  it('runs every other command from dist/bundle/main.js (the build with every command)', () => {
    const modules = modulesOf(['--version'], false);
    expect(modules).toContain('dist/bundle/main.js');
    expect(modules.filter((m) => m.startsWith('dist/bundle/run/'))).toEqual([]);
  });
});
