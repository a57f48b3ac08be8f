import { describe, it } from 'vitest';
import { checkSyncConvergence } from '../support/sync-convergence';
import { sized } from './scale';

/** A longer campaign, or another seed, for a hunt: REGULARS_SYNC_RUNS=200 REGULARS_SYNC_SEED=7 with the full campaign. */
const fromEnv = (name: string): number | undefined => (process.env[name] === undefined ? undefined : Number(process.env[name]));

describe('three devices of one book under long random histories', () => {
  it('every device ends with the same book, whatever was written where and synced when', async () => {
    await checkSyncConvergence(fromEnv('REGULARS_SYNC_RUNS') ?? sized(3, 40), fromEnv('REGULARS_SYNC_STEPS') ?? sized(24, 80), fromEnv('REGULARS_SYNC_SEED'));
  }, 3_600_000);
});
