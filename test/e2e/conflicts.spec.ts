import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, startBrowserMode, test, type RunningApp } from './fixtures';

/** The command-line tool, as an owner's script runs it. */
const cli = (...args: string[]): string => {
  const run = spawnSync(process.execPath, ['dist/cli/index.cjs', ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' }, input: '' });
  if (run.status !== 0) throw new Error(`regulars ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout.trim();
};

/** Calls the core of the book in `dataDir` through browser mode, then stops it (the book stays). */
const withBook = async <T>(dataDir: string, work: (rpc: RunningApp['rpc']) => Promise<T>): Promise<T> => {
  const { app, stop } = await startBrowserMode({}, dataDir);
  try {
    return await work(async (name, input) => {
      const result = await app.rpc(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result;
    });
  } finally {
    await stop();
  }
};

/**
 * Two devices of one book with a customer whose notes were edited apart: on the counter PC by 阿明,
 * on the laptop by 小芳, then synced both ways through a folder. Made before the app under test
 * starts, through the core's handlers and the command line (not through a devices screen).
 */
const twoDevicesApart = async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'regulars-e2e-apart-'));
  const [counter, laptop, folder] = ['counter', 'laptop', 'folder'].map((name) => path.join(root, name)) as [string, string, string];
  mkdirSync(folder);
  const { meiId, mingId, fangId } = await withBook(counter, async (rpc) => {
    const ming = (await rpc('staff-create', { name: '阿明' })).value as { id: string };
    const fang = (await rpc('staff-create', { name: '小芳' })).value as { id: string };
    const mei = (await rpc('customers-create', { name: '林美華', phones: ['0912 345 678'], notes: '燕麥拿鐵' })).value as { id: string };
    return { meiId: mei.id, mingId: ming.id, fangId: fang.id };
  });
  const code = cli('devices', 'invite', '--data', counter, '--name', '櫃檯電腦');
  cli('sync', '--data', counter, '--folder', folder);
  cli('devices', 'join', '--data', laptop, '--code', code, '--name', 'Mei’s laptop');
  cli('sync', '--data', laptop, '--folder', folder);
  const edit = (dataDir: string, staffId: string, currency: string, fields: { notes: string; email?: string }) =>
    withBook(dataDir, async (rpc) => {
      await rpc('session-set-staff', { staffId });
      await rpc('customers-update', { id: meiId, fields: { name: '林美華', phones: ['0912 345 678'], ...fields } });
      await rpc('settings-update', { currency });
    });
  await edit(counter, mingId, 'TWD', { notes: '少冰' });
  // The laptop also gives her an e-mail, which nobody else touched: it arrives whichever notes the book shows.
  await edit(laptop, fangId, 'HKD', { notes: '不要糖', email: 'mei@example.com' });
  for (const dataDir of [counter, laptop, counter]) cli('sync', '--data', dataDir, '--folder', folder);
  return { root, counter, meiId };
};

const languages = [
  { locale: 'zh-TW', language: 'zh-Hant', heading: '備註：分開時輸入了 2 個不同的值', shown: '目前顯示', keep: '保留這個值', by: /阿明在櫃檯電腦（這台電腦）輸入/, other: /小芳在Mei’s laptop輸入/, audit: '在另一台裝置修改', auditWho: '小芳，在Mei’s laptop', settings: '設定', currency: '幣別', shopList: '分開時輸入的不同值' },
  { locale: 'zh-CN', language: 'zh-Hans', heading: '备注：分开时输入了 2 个不同的值', shown: '目前显示', keep: '保留这个值', by: /阿明在櫃檯電腦（这台电脑）输入/, other: /小芳在Mei’s laptop输入/, audit: '在另一台设备修改', auditWho: '小芳，在Mei’s laptop', settings: '设置', currency: '币种', shopList: '分开时输入的不同值' },
  { locale: 'en-US', language: 'en', heading: 'Notes: 2 values entered while apart', shown: 'Shown now', keep: 'Keep this value', by: /Entered on 櫃檯電腦 \(this computer\) by 阿明/, other: /Entered on Mei’s laptop by 小芳/, audit: 'Changed on another device', auditWho: '小芳 on Mei’s laptop', settings: 'Settings', currency: 'Currency', shopList: 'Values entered while apart' },
] as const;

for (const expected of languages) {
  test.describe(`values entered while apart, in ${expected.language}`, () => {
    test.use({ locale: expected.locale });

    test('the profile shows both values with device and staff; a pick keeps one and the block goes', async ({ page }) => {
      test.setTimeout(240_000);
      const { root, counter, meiId } = await twoDevicesApart();
      const { app, stop } = await startBrowserMode({}, counter);
      try {
        await app.open(page);
        await page.goto(`${app.url}#/customers/${meiId}`);
        const block = page.getByRole('region', { name: /values entered while apart|分開時輸入的不同值|分开时输入的不同值/i });
        await expect(block.getByRole('heading', { name: expected.heading })).toBeVisible();
        const values = block.getByRole('listitem');
        await expect(values).toHaveCount(2);
        await expect(block.getByText('少冰')).toBeVisible();
        await expect(block.getByText('不要糖')).toBeVisible();
        await expect(block.getByText(expected.by)).toBeVisible();
        await expect(block.getByText(expected.other)).toBeVisible();
        await expect(block.getByText(expected.shown, { exact: true })).toHaveCount(1);
        await page.screenshot({ path: `test-results/conflicts-${expected.language}.png`, fullPage: true });
        // Keep the laptop's value, from the keyboard: the pick is a button like any other.
        const laptopValue = values.filter({ hasText: '不要糖' });
        const keep = laptopValue.getByRole('button');
        await expect(keep).toHaveText(expected.keep);
        await keep.focus();
        await page.keyboard.press('Enter');
        await expect(block).toHaveCount(0);
        await expect(page.locator('.profile-notes .notes')).toHaveText('不要糖');
        await page.screenshot({ path: `test-results/conflicts-${expected.language}-picked.png`, fullPage: true });
        // The audit trail: the laptop's edit, as the sync wrote it here, names the laptop and 小芳.
        await page.goto(`${app.url}#/audit`);
        const fromLaptop = page.locator('.audit-entry').filter({ hasText: expected.audit }).filter({ hasText: '林美華' });
        await expect(fromLaptop).toHaveCount(1);
        await expect(fromLaptop.locator('.audit-who')).toHaveText(expected.auditWho);
        await expect(fromLaptop).toContainText('林美華');
        await expect(fromLaptop).toContainText('mei@example.com');
        await page.screenshot({ path: `test-results/conflicts-${expected.language}-audit.png`, fullPage: true });
        // The shop's currency was changed apart too: listed at the top of Settings, where the owner picks.
        await page.getByRole('navigation').getByRole('link', { name: expected.settings }).click();
        const shopList = page.getByRole('region', { name: expected.shopList });
        await expect(shopList.getByRole('listitem')).toHaveCount(2);
        await expect(shopList.getByText('TWD', { exact: true })).toBeVisible();
        await expect(shopList.getByText('HKD', { exact: true })).toBeVisible();
        await page.screenshot({ path: `test-results/conflicts-${expected.language}-settings.png`, fullPage: true });
        await shopList.getByRole('listitem').filter({ hasText: 'TWD' }).getByRole('button').click();
        await expect(shopList).toHaveCount(0);
        await expect(page.getByLabel(expected.currency)).toHaveValue('TWD');
      } finally {
        await stop();
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
}
