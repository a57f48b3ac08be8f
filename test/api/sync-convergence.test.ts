import { describe, it } from 'vitest';
import { checkSyncConvergence } from '../support/sync-convergence';

describe('three devices of one book, apart and in any order', () => {
  it('random writes and syncs: once each has synced twice around, every device holds the same book', async () => {
    await checkSyncConvergence(8, 24);
  }, 180_000);
});
