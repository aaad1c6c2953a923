// Vitest: the whole suite under test/, mirroring src/; e2e tests drive the built CLI in dist/. The timeouts are hang guards, not performance budgets (a loaded 2-core machine must pass).
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core (vitest's default leaves one core idle: a single worker on the 2-core CI machine).
    // Most e2e files wait on child processes or I/O, so a busy machine still makes progress on both.
    maxWorkers: availableParallelism(),
  },
});
