// Vitest: the whole suite under test/, mirroring src/; e2e tests drive the built CLI in dist/. The timeouts are hang guards, not performance budgets (a loaded 2-core machine must pass).
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each worker process runs many files (isolate: false) and forgets their modules between files (the setup file calls
    // vi.resetModules), so each file still starts from fresh src/ and test/ module state: a fork per file cost ~0.35 CPU-s
    // of process start-up each, about half the suite's CPU on 315 files.
    isolate: false,
    setupFiles: ['test/helpers/fresh-modules-setup.ts'],
    // One test file per core (vitest's default leaves one core idle: a single worker on the 2-core CI machine).
    // Most e2e files wait on child processes or I/O, so a busy machine still makes progress on both.
    maxWorkers: availableParallelism(),
  },
});
