import { describe, it } from 'vitest';
import { checkSyncConvergence } from '../support/sync-convergence';
import { sized } from './scale';

describe('three devices of one book under long random histories', () => {
  it('every device ends with the same book, whatever was written where and synced when', async () => {
    await checkSyncConvergence(sized(3, 40), sized(24, 80));
  }, 3_600_000);
});
