import { it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { rebuildAllLapse } from '../../electron/core/lapse/derive';
import { agendaCounts, agendaTotals, dueBetweenRows, dueOnRows, overdueRows } from '../../electron/core/reminders/agenda-queries';
import { generateReminders, shopToday } from '../../electron/core/reminders/engine';
import { lapseContextOf } from '../../electron/core/reminders/hooks';
import { reminderEnvironment } from '../../electron/core/reminders/settings';
import { plusDays } from '../../shared/reminders/days';
import { benchBook, measure, report, type Figure } from './support';

const book = benchBook();

it.skipIf(book === null)('reminders on the 100,000-customer book (set REGULARS_BENCH_DATA)', async () => {
  if (book === null) return;
  const figures: Figure[] = [];
  const add = (name: string, result: { p50: number; p95: number }, runs: number, budgetMs: number | null, raw: { p50: number } | null = null) =>
    figures.push({ name, p50Ms: result.p50, p95Ms: result.p95, runs, budgetMs, rawP50Ms: raw?.p50 ?? null });
  try {
    const started = performance.now();
    const core = openCore({ dataDir: book.dataDir, transport: 'browser', systemLocales: ['zh-TW'] });
    const openMs = performance.now() - started;
    add('open the book, first time today (lapse check + catch-up generation)', { p50: openMs, p95: openMs }, 1, null);
    const ctx = { db: core.db, now: () => new Date() };
    const reopened = performance.now();
    openCore({ dataDir: book.dataDir, transport: 'browser', systemLocales: ['zh-TW'] }).close();
    const reopenMs = performance.now() - reopened;
    add('open the book again the same day', { p50: reopenMs, p95: reopenMs }, 1, null);
    const today = shopToday(ctx);
    const anything = { kinds: [], assignee: 'anyone' as const };

    const rawAgenda = await measure(30, () => {
      agendaTotals(core.db, today, plusDays(today, 7), anything);
      agendaCounts(core.db, plusDays(today, 7));
      overdueRows(core.db, today, anything, 100);
      dueOnRows(core.db, today, anything, 100);
      dueBetweenRows(core.db, plusDays(today, 1), plusDays(today, 7), anything, 100);
    });
    add('Today agenda (reminders-agenda)', await measure(30, () => core.call('reminders-agenda', {})), 30, 50, rawAgenda);
    add('Today agenda, one kind and one staff member', await measure(30, () => core.call('reminders-agenda', { kinds: ['birthday'], assignee: 'nobody' })), 30, 50);
    add('due summary (nav badge, notification)', await measure(30, () => core.call('reminders-due-summary', {})), 30, 50);
    add('full generation, every source', await measure(3, () => generateReminders(ctx)), 3, null);
    const environment = reminderEnvironment(core.db);
    const rebuild = (rhythms: boolean) => () => core.db.transaction(() => rebuildAllLapse(core.db, lapseContextOf(environment), { rhythms }))();
    add('full lapse recompute: rhythms from every visit, and lapse days', await measure(2, rebuild(true)), 2, 3000);
    add('lapse days after a change of rules or zone', await measure(2, rebuild(false)), 2, 3000);

    const regulars = core.db.prepare('SELECT id FROM customers WHERE visit_count > 3 AND archived_at IS NULL ORDER BY rid LIMIT 300').pluck().all() as string[];
    let next = 0;
    add('incremental generation, one customer', await measure(200, () => generateReminders(ctx, { customerIds: [regulars[next++ % regulars.length] as string] })), 200, null);
    next = 0;
    // The same write without a customer runs none of the derived updates: the disk's share of the figure below.
    add('log a walk-in (the write alone, synchronous=FULL)', await measure(200, () => core.call('visits-log', { customerId: null, amountMinor: 12000 })), 200, null);
    add(
      'log a visit (write + lapse + won back + reminders)',
      await measure(200, () => core.call('visits-log', { customerId: regulars[next++ % regulars.length] as string, amountMinor: 12000 })),
      200,
      5,
    );
    core.close();
    report('reminders', figures);
  } finally {
    book.remove();
  }
});
