import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../electron/core/check';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, freshCore } from '../support/core';
import { sized } from './scale';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const heapAfterGc = (): number => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/**
 * The process's resident memory once a collection has handed back what it freed: V8 returns the
 * freed pages to the system on a later task, not within the collection. Read at once, the 40-hour
 * soak showed +19–24 MB of pages already freed (the heap itself +1.2 MB); read 200 ms later, +7 MB.
 */
const settledRss = async (): Promise<number> => {
  heapAfterGc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  collectGarbage();
  return process.memoryUsage().rss;
};

/**
 * One busy hour at the counter, at machine speed: ~120 visits, new sign-ups, contacts, a few hundred
 * searches as people are looked up, profiles and timelines opened, the list scrolled, a mistake undone.
 */
const busyHour = async (core: ReturnType<typeof freshCore>, hour: number): Promise<void> => {
  const queries = ['王', '陳志', '志明', 'chen', '5678', '0912', 'vip', 'josé', 'li', '美玲'];
  for (let i = 0; i < 120; i += 1) {
    const query = queries[(hour * 7 + i) % queries.length]!;
    const found = await callOk(core, 'customers-search', { query: query.slice(0, 1 + (i % query.length)) });
    await callOk(core, 'customers-search', { query });
    const customer = found.rows[i % Math.max(1, found.rows.length)];
    if (i % 6 === 0) {
      const created = await callOk(core, 'customers-create', { name: `Soak ${hour}-${i} 王小明`, phones: [`0912${String(hour * 1000 + i).padStart(6, '0')}`] });
      await callOk(core, 'customers-find-duplicates', { name: created.name, phones: ['0912000000'] });
    }
    if (customer) {
      const visit = await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 100 + i, note: `hour ${hour}`, satisfaction: (i % 4) as 0 | 1 | 2 | 3 });
      if (i % 40 === 0) await callOk(core, 'visits-archive', { id: visit.id });
      if (i % 10 === 0) {
        await callOk(core, 'customers-get', { id: customer.id });
        await callOk(core, 'customers-timeline', { id: customer.id });
        await callOk(core, 'visits-log-contact', { customerId: customer.id, method: 'message' });
      }
    } else {
      await callOk(core, 'visits-log', { customerId: null, amountMinor: 50 });
    }
    if (i % 20 === 0) await callOk(core, 'customers-list', { offset: (hour * 37 + i) % 400, limit: 100 });
    await callOk(core, 'visits-recent', {});
  }
};

describe('long-run soak', () => {
  const hours = sized(4, 40);

  it(`keeps memory flat and the book sound over ${hours} busy hours`, async () => {
    const core = freshCore();
    seedBook(core.db, { customers: 500, visits: 5000, seed: 9, days: 365, now: new Date('2026-11-01T00:00:00Z') });
    await busyHour(core, 0);
    const rssWarm = await settledRss();
    const warm = heapAfterGc();
    for (let hour = 1; hour <= hours; hour += 1) await busyHour(core, hour);
    const grownMb = (heapAfterGc() - warm) / 1024 / 1024;
    const rssGrownMb = ((await settledRss()) - rssWarm) / 1024 / 1024;
    console.log(`soak: ${hours} busy hours, heap +${grownMb.toFixed(1)} MB, rss +${rssGrownMb.toFixed(1)} MB`);
    expect(grownMb).toBeLessThan(8);
    // RSS grows with SQLite's page cache as the book grows (about 5 MB over 40 hours here); more is
    // memory kept outside the JS heap — as when every zone check built an ICU formatter (+120 MB).
    expect(rssGrownMb).toBeLessThan(20);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);
  }, 600_000);
});
