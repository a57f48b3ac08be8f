import { defineConfig } from 'vitest/config';

/** Benchmarks: `npm run bench` (not part of `npm test`); each prints its figures and writes .bench/<name>.json. */
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30 * 60_000,
  },
});
