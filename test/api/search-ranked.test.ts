import { describe, expect, it } from 'vitest';
import { callOk, freshCore } from '../support/core';

type Core = ReturnType<typeof freshCore>;

/**
 * 3,200 customers named 陳<n>, seen one minute apart, every other one archived; each has the phone
 * 0912 <n padded to 5> 5 and the name gram 陳; the first ten also the gram 美. Enough for the
 * search to walk the customers for 陳 and sort the few for 美 (search-queries.ts).
 */
const bookOfChens = (core: Core) => {
  const insert = core.db.prepare('INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const gram = core.db.prepare('INSERT INTO customer_name_grams (gram, customer_rid) VALUES (?, ?)');
  const phone = core.db.prepare(
    'INSERT INTO customer_phones (customer_id, position, display, e164, match_key, national_reversed, search_digits) VALUES (?, 0, ?, NULL, ?, ?, ?)',
  );
  core.db.transaction(() => {
    for (let index = 0; index < 3200; index += 1) {
      const seen = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
      const id = `c${index}`;
      const { lastInsertRowid } = insert.run(id, `陳${index}`, `陳${index}`, seen, seen, seen, index % 2 === 0 ? null : seen);
      for (const each of ['陳', ...(index < 10 ? ['美'] : [])]) gram.run(each, Number(lastInsertRowid));
      const national = `0912${String(index).padStart(5, '0')}5`;
      phone.run(id, national, national, [...national].reverse().join(''), national);
    }
  })();
};

const firstNames = async (core: Core, query: string, includeArchived = false) =>
  (await callOk(core, 'customers-search', { query, limit: 3, includeArchived })).rows.map((row) => row.name);

describe('search results, most recently seen first, however many customers match', () => {
  it('by a name character thousands or ten customers have', async () => {
    const core = freshCore();
    bookOfChens(core);
    expect(await firstNames(core, '陳')).toEqual(['陳3198', '陳3196', '陳3194']);
    expect(await firstNames(core, '陳', true)).toEqual(['陳3199', '陳3198', '陳3197']);
    expect(await firstNames(core, '美')).toEqual(['陳8', '陳6', '陳4']);
    expect(await firstNames(core, '美', true)).toEqual(['陳9', '陳8', '陳7']);
    // A second short word filters the common one: customers whose name also holds "31".
    expect(await firstNames(core, '陳 31')).toEqual(['陳3198', '陳3196', '陳3194']);
    expect(await firstNames(core, '陳 12', true)).toEqual(['陳3129', '陳3128', '陳3127']);
  });

  it('by a phone ending thousands or a few customers have', async () => {
    const core = freshCore();
    bookOfChens(core);
    // Every number ends in 5; one in ten in 25 (customers 2, 12, 22, …).
    expect(await firstNames(core, '5')).toEqual(['陳3198', '陳3196', '陳3194']);
    expect(await firstNames(core, '5', true)).toEqual(['陳3199', '陳3198', '陳3197']);
    expect(await firstNames(core, '25')).toEqual(['陳3192', '陳3182', '陳3172']);
    expect(await firstNames(core, '35', true)).toEqual(['陳3193', '陳3183', '陳3173']);
    // Customers 1, 11, 21, … are all archived.
    expect(await firstNames(core, '15')).toEqual([]);
  });
});
