import { openCore } from '../../core/core';
import { seedBook } from '../../core/seed';
import { systemLocalesFromEnv } from '../../core/system-locale';
import { dataDirOption, parseCommand, positiveInteger } from '../args';
import { CliFailure, counted, progressLine } from '../output';

export const seedHelp = `Usage: regulars seed [--data DIR] [--customers N] [--visits M] [--seed S] [--days D] [--append]

Fills the customer book with realistic demo data: Chinese and Latin names, local phone numbers,
customers with their own visit rhythm and spend, some who stopped coming, contacts, walk-ins,
a few regulars entered twice (to try merging) and a few archived customers.
  --customers N   customers to create (default 500)
  --visits M      visits to create, walk-ins included (default 5000)
  --seed S        random seed; the same seed gives the same book (default 1)
  --days D        how many days of history (default 730)
  --append        add to a book that already has customers (otherwise refused)`;

export const runSeed = (argv: string[], projectRoot: string): void => {
  const { values } = parseCommand(argv, {
    customers: { type: 'string' },
    visits: { type: 'string' },
    seed: { type: 'string' },
    days: { type: 'string' },
    append: { type: 'boolean' },
  });
  if (values.help) return void console.log(seedHelp);
  const customers = positiveInteger('customers', values.customers, 500);
  const visits = positiveInteger('visits', values.visits, 5000);
  const seed = positiveInteger('seed', values.seed, 1);
  const days = positiveInteger('days', values.days, 730);
  if (days < 1) throw new CliFailure('--days must be at least 1', 2);
  if (visits > 0 && customers === 0) throw new CliFailure('--visits needs at least one customer (--customers)', 2);

  const dataDir = dataDirOption(values.data);
  const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: systemLocalesFromEnv(), projectRoot });
  try {
    const existing = core.db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    if (existing > 0 && !values.append) {
      throw new CliFailure(`The book in ${dataDir} already has ${existing} customers; add --append to seed into it anyway.`);
    }
    const started = performance.now();
    const summary = seedBook(core.db, { customers, visits, seed, days, now: new Date() }, progressLine('seeding'));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `seeded ${counted(summary.customers, 'customers')} (${summary.duplicates} entered twice, ${summary.archived} archived), ${counted(summary.visits, 'visits')} (${counted(summary.walkIns, 'walk-ins')}), ${counted(summary.contacts, 'contacts')}, ${summary.staff} staff, ${counted(summary.openReminders, 'open reminders')}, ${counted(summary.complaints, 'complaints')}, ${counted(summary.referrals, 'referrals')} in ${seconds} s (${dataDir})`,
    );
  } finally {
    core.close();
  }
};
