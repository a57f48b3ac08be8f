import { describe, it } from 'vitest';
import { checkDeriveProperty } from '../support/derive-property';
import { sized } from './scale';

describe('derived data under long random histories', () => {
  it('keeps the incremental state equal to a full rebuild after every write', async () => {
    await checkDeriveProperty(sized(4, 200), sized(20, 120));
  }, 3_600_000);
});
