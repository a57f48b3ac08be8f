import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts', 'test/reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One test file per core. Vitest's default leaves a core free, which on the 2-core machines CI
    // runs on is a single worker, every file in turn; many files wait on child processes, the disk
    // or a timer for much of their time, and two at once take far less than twice as long.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
  },
});
