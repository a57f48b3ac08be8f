import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { CounterScreen } from './pages/counter';

test.use({ locale: 'en-US' });

/** Every read the page sends through /rpc, as "handler input", from now on. */
const recordReads = (page: Page): string[] => {
  const reads: string[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/rpc')) return;
    const { name, input } = request.postDataJSON() as { name: string; input: unknown };
    reads.push(`${name} ${JSON.stringify(input)}`);
  });
  return reads;
};

/** Waits until the page has sent nothing new for a second. */
const settled = async (reads: string[]) => {
  let seen = -1;
  while (seen !== reads.length) {
    seen = reads.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

test('a write refreshes each open view once, not twice', async ({ page, app }) => {
  await app.rpc('customers-create', { name: 'Grace Hopper', phones: ['0912 345 678'] });
  await app.open(page);
  await page.keyboard.press('Control+l');
  const counter = new CounterScreen(page);
  await expect(counter.picker()).toBeFocused();
  const reads = recordReads(page);
  await settled(reads);
  reads.length = 0;

  await counter.logVisitByKeyboard({ find: '5678', pick: 'Grace Hopper', amount: '120', items: 'Latte', note: '', level: 2 });
  await expect(page.getByRole('status')).toContainText('Visit logged: Grace Hopper');
  await settled(reads);

  const afterWrite = reads.slice(reads.findIndex((read) => read.startsWith('visits-log ')) + 1);
  // The views on screen were refreshed (the write is shown)…
  expect(afterWrite.length).toBeGreaterThan(0);
  // …and none of them was asked twice for the same thing.
  const repeated = afterWrite.filter((read, index) => afterWrite.indexOf(read) !== index);
  expect(repeated).toEqual([]);
});
