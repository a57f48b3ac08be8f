import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildDerived } from '../../electron/core/derive';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, fixedClock, freshCore, tempDir } from '../support/core';
import { derivedState } from '../support/derived-state';
import { importPlanOf } from '../support/result';

type Core = ReturnType<typeof freshCore>;

const importText = async (core: Core, name: string, text: string) => {
  const file = path.join(tempDir('regulars-import-'), name);
  writeFileSync(file, text);
  const source = { kind: 'path' as const, path: file };
  const analysis = await callOk(core, 'import-analyse', { source });
  return callOk(core, 'import-commit', importPlanOf(source, analysis));
};

/** The money cut-offs the tiers are drawn against: drawn again by a full pass that renews them, kept by any other write. */
const cutoffs = (core: Core) => core.db.prepare(`SELECT value FROM settings WHERE key = 'state.loyalty.cutoffs'`).pluck().get();

/** A Taipei shop's seeded book with its figures made, on a fixed morning. */
const seededShop = async (customers: number, visits: number, seed: number) => {
  const clock = fixedClock('2026-11-20T02:00:00.000Z');
  const core = freshCore({ now: clock.now });
  await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', country: 'TW', currency: 'TWD' });
  seedBook(core.db, { customers, visits, seed, days: 300, now: clock.now() });
  rebuildDerived({ db: core.db, now: clock.now });
  return { core, clock };
};

describe('a small file imported into a large book', () => {
  it('brings the figures of the customers it touches up to date as any write does, the same as a full rebuild, against the book’s money cut-offs', async () => {
    const { core, clock } = await seededShop(400, 4000, 11);
    const drawn = cutoffs(core);
    const [regular, other] = core.db
      .prepare(
        `SELECT c.id, c.name, p.display AS phone FROM customers c JOIN customer_phones p ON p.customer_id = c.id AND p.position = 0
         WHERE c.archived_at IS NULL ORDER BY c.visit_count DESC, c.id LIMIT 3`,
      )
      .all() as { id: string; name: string; phone: string }[];
    // New members with their old tool's history, one of them brought by a regular of the book.
    const members = await importText(
      core,
      'members.csv',
      [
        'Name,Phone,Total visits,Total spent,First visit,Last visit,Referred by',
        `Lena Fischer,0955 100 201,48,"61,240",2024-05-01,2026-11-18,${regular!.phone}`,
        'Omar Haddad,0955 100 202,1,420,2026-09-01,2026-09-01,',
        'Ada Lovelace,0955 100 203,,,,',
      ].join('\n'),
    );
    expect(members).toMatchObject({ created: 3, histories: 2, referrerLinks: 1 });
    // Visits of customers already in the book.
    const visits = await importText(
      core,
      'visits.csv',
      [
        'Name,Phone,Date,Amount',
        `${regular!.name},${regular!.phone},2026-11-19 18:30,880`,
        `${other!.name},${other!.phone},2026-11-19 19:10,1200`,
        `${other!.name},${other!.phone},2026-11-20 09:05,150`,
      ].join('\n'),
    );
    expect(visits).toMatchObject({ created: 0, visits: 3 });

    const lena = await callOk(core, 'customers-get', { id: (await callOk(core, 'customers-search', { query: 'Fischer' })).rows[0]!.id });
    expect(lena).toMatchObject({ visitCount: 48, revenueMinor: 6_124_000 });
    expect((await callOk(core, 'loyalty-customer', { id: lena.id })).revenue12mMinor).toBeGreaterThan(0);
    // The book's cut-offs stand, as after any write: the whole book was not drawn again.
    expect(cutoffs(core)).toBe(drawn);

    const incremental = derivedState(core.db);
    rebuildDerived({ db: core.db, now: clock.now });
    expect(derivedState(core.db)).toEqual(incremental);
  });

  it('a file as large as the book makes every figure anew and draws the money cut-offs again', async () => {
    const { core, clock } = await seededShop(8, 60, 3);
    const drawn = cutoffs(core);
    const rows = Array.from({ length: 10 }, (_, index) => `Member ${index},0955 200 ${String(index).padStart(3, '0')},${index + 1},${(index + 1) * 1000},2026-01-0${(index % 9) + 1},2026-11-1${index % 9}`);
    await importText(core, 'pos.csv', ['Name,Phone,Total visits,Total spent,First visit,Last visit', ...rows].join('\n'));
    expect(cutoffs(core)).not.toBe(drawn);
    const incremental = derivedState(core.db);
    rebuildDerived({ db: core.db, now: clock.now });
    expect(derivedState(core.db)).toEqual(incremental);
  });
});
