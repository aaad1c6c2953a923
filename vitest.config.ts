// Vitest: the whole suite under test/, mirroring src/; e2e tests drive the built CLI in dist/. The timeouts are hang guards, not performance budgets (a loaded 2-core machine must pass).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
