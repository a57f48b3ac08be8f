import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, withSmallPageCache } from '../../electron/core/db/connection';
import { tempDir } from '../support/core';

describe('a read through a small page cache', () => {
  it('reads with the small cache and gives the connection its own back, also when the read fails', () => {
    const db = openDatabase(path.join(tempDir(), 'book.db'));
    const cacheSize = () => db.pragma('cache_size', { simple: true });
    expect(cacheSize()).toBe(-65_536);
    expect(withSmallPageCache(db, 2_048, cacheSize)).toBe(-2_048);
    expect(cacheSize()).toBe(-65_536);
    expect(() =>
      withSmallPageCache(db, 2_048, () => {
        throw new Error('the read failed');
      }),
    ).toThrow('the read failed');
    expect(cacheSize()).toBe(-65_536);
    db.close();
  });
});
