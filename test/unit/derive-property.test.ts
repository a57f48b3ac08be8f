import { describe, it } from 'vitest';
import { checkDeriveProperty } from '../support/derive-property';

describe('derived data is a projection of the facts', () => {
  it('after every write of a random history, the incremental state equals a full rebuild, row for row', async () => {
    await checkDeriveProperty(12, 25);
  }, 120_000);
});
