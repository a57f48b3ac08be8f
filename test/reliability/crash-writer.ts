/**
 * The crash test's victim: writes through the real core as fast as it can and prints one line per
 * committed write ("<kind> <id>"), synchronously and only after the handler returned, i.e. after
 * SQLite committed. The parent kills it with SIGKILL at a random moment.
 */
import { writeSync } from 'node:fs';
import { openCore } from '../../electron/core/core';

const [dataDir = '', seedText = '1'] = process.argv.slice(2);
let state = Number(seedText) >>> 0;
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 4294967296;
};

const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: ['zh-TW'] });
const report = (kind: string, id: string) => writeSync(1, `${kind} ${id}\n`);
const customers: string[] = (core.db.prepare('SELECT id FROM customers').pluck().all() as string[]).slice(-50);

const step = async (): Promise<void> => {
  const roll = random();
  if (customers.length === 0 || roll < 0.2) {
    const result = await core.call('customers-create', {
      name: `王小明 ${Math.floor(random() * 1e6)}`,
      phones: [`09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`],
      notes: 'x'.repeat(Math.floor(random() * 2000)),
    });
    if (result.ok) {
      customers.push(result.value.id);
      report('customer', result.value.id);
    }
  } else if (roll < 0.85) {
    const customerId = customers[Math.floor(random() * customers.length)] ?? null;
    const result = await core.call('visits-log', { customerId, amountMinor: Math.floor(random() * 50000), note: 'crash test', satisfaction: 2 });
    if (result.ok) report('visit', result.value.id);
  } else {
    const customerId = customers[Math.floor(random() * customers.length)]!;
    const result = await core.call('visits-log-contact', { customerId, method: 'call' });
    if (result.ok) report('visit', result.value.id);
  }
};

const run = async () => {
  writeSync(1, 'ready\n');
  for (;;) await step();
};
void run();
