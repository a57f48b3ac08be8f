import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { devicesMessages } from '../../renderer/src/features/devices/i18n';
import { expect, startBrowserMode, test } from './fixtures';
import { openDevices, pageFor, syncTimeout, syncWith } from './pages/devices';

/** What each language's screens say, as the owner reads them. */
const languages = [
  {
    language: 'zh-Hant',
    settings: '設定',
    apartHeading: '備註：分開時輸入了 2 個不同的值',
    keep: '保留這個值',
    locale: 'zh-TW',
    devices: '裝置',
    settingsLink: '裝置：與另一台電腦共用這本客戶簿',
    make: '產生邀請',
    warning: '持有這個邀請碼的人都能讀取客戶簿的共用檔案',
    qr: '邀請碼的 QR 碼',
    code: '邀請碼',
    join: '加入',
    folder: '這台電腦上的共用資料夾',
    saveFolder: '儲存資料夾',
    syncNow: '立即同步',
    fetch: '取得客戶簿並同步',
    synced: /已同步 /,
    waiting: '有 1 項變更等待送出',
    notInvitation: '這不是邀請碼。',
    thisDevice: '這台裝置',
    rename: '重新命名',
    renameLabel: '這台裝置的名稱',
    save: '儲存',
    laptop: '店長的筆電',
    customers: '客戶',
    archive: '封存區',
    purge: '永久刪除…',
    purgeShared: '這本客戶簿與其他裝置共用：每台裝置會在下次同步時刪除這位客戶。',
    visitPurgeShared: '這本客戶簿與其他裝置共用：每台裝置會在下次同步時刪除這筆紀錄。',
    purgeConfirm: '永久刪除',
    audit: '操作紀錄',
    mergeUndone: '合併已復原：併入的那位客戶在另一台裝置上被永久刪除',
    cancel: '取消',
  },
  {
    language: 'zh-Hans',
    settings: '设置',
    apartHeading: '备注：分开时输入了 2 个不同的值',
    keep: '保留这个值',
    locale: 'zh-CN',
    devices: '设备',
    settingsLink: '设备：与另一台电脑共享这本客户簿',
    make: '生成邀请',
    warning: '持有这个邀请码的人都能读取客户簿的共享文件',
    qr: '邀请码的二维码',
    code: '邀请码',
    join: '加入',
    folder: '这台电脑上的共享文件夹',
    saveFolder: '保存文件夹',
    syncNow: '立即同步',
    fetch: '获取客户簿并同步',
    synced: /已同步 /,
    waiting: '有 1 项变更等待发送',
    notInvitation: '这不是邀请码。',
    thisDevice: '这台设备',
    rename: '重命名',
    renameLabel: '这台设备的名称',
    save: '保存',
    laptop: '店长的笔记本电脑',
    customers: '客户',
    archive: '归档区',
    purge: '永久删除…',
    purgeShared: '这本客户簿与其他设备共享：每台设备会在下次同步时删除这位客户。',
    visitPurgeShared: '这本客户簿与其他设备共享：每台设备会在下次同步时删除这条记录。',
    purgeConfirm: '永久删除',
    audit: '操作记录',
    mergeUndone: '合并已撤销：并入的那位客户在另一台设备上被永久删除',
    cancel: '取消',
  },
  {
    language: 'en',
    settings: 'Settings',
    apartHeading: 'Notes: 2 values entered while apart',
    keep: 'Keep this value',
    locale: 'en-US',
    devices: 'Devices',
    settingsLink: 'Devices: share this book with another computer',
    make: 'Make an invitation',
    warning: 'Whoever holds this code can read the book’s shared files',
    qr: 'The invitation code as a QR code',
    code: 'Invitation code',
    join: 'Join',
    folder: 'Shared folder on this computer',
    saveFolder: 'Save folder',
    syncNow: 'Sync now',
    fetch: 'Fetch the book and sync',
    synced: /Synced /,
    waiting: '1 change waiting to be sent',
    notInvitation: 'That is not an invitation code.',
    thisDevice: 'this device',
    rename: 'Rename',
    renameLabel: 'Name of this device',
    save: 'Save',
    laptop: 'Owner’s laptop',
    customers: 'Customers',
    archive: 'Archive',
    purge: 'Delete for good…',
    purgeShared: 'This book is shared with other devices: each deletes this customer at its next sync.',
    visitPurgeShared: 'This book is shared with other devices: each deletes this record at its next sync.',
    purgeConfirm: 'Delete for good',
    audit: 'Audit trail',
    mergeUndone: 'Merge undone: the customer it went into was deleted for good on another device',
    cancel: 'Cancel',
  },
] as const;

/** A sync runs in the job worker and takes seconds on a busy 2-core machine; its ending refreshes the screens. */

const setFolderAndSync = async (page: Page, words: (typeof languages)[number], folder: string, button: string) => {
  await page.getByLabel(words.folder).fill(folder);
  await page.getByRole('button', { name: words.saveFolder }).click();
  await syncWith(page, button);
};

for (const words of languages) {
  test.describe(`two devices sharing one book through a folder (${words.language})`, () => {
    test('invite on A, join on B, the book arrives on B, changes made apart reach each other, and one field given two values is resolved', async ({ browser }) => {
      test.setTimeout(240_000);
      const shared = mkdtempSync(path.join(os.tmpdir(), 'regulars-e2e-shared-'));
      const a = await startBrowserMode();
      const b = await startBrowserMode();
      try {
        const mei = (await a.app.rpc('customers-create', { name: '林美華', phones: ['0912 345 678'] })).value as { id: string };
        const pageA = await pageFor(browser, a.app, words.locale);
        const pageB = await pageFor(browser, b.app, words.locale);

        // A: the invitation, as a code and a QR code, with what the code gives away.
        await openDevices(pageA, words);
        await pageA.getByRole('button', { name: words.make }).click();
        const codeField = pageA.locator('.invitation').getByRole('textbox', { name: words.code });
        await expect(codeField).toHaveValue(/^regulars-invite-/);
        const code = await codeField.inputValue();
        await expect(pageA.getByRole('img', { name: words.qr })).toBeVisible();
        await expect(pageA.getByText(words.warning)).toBeVisible();
        // A folder this computer cannot reach now (the USB stick is out) is kept, and said so.
        await pageA.getByLabel(words.folder).fill(path.join(shared, 'stick-not-plugged-in'));
        await pageA.getByRole('button', { name: words.saveFolder }).click();
        await expect(pageA.locator('.toast-warning > span')).toHaveText(devicesMessages[words.language].folder.savedUnreachable);
        await pageA.locator('.toast-warning').screenshot({ path: `test-results/devices/folder-unreachable-${words.language}.png` });
        await setFolderAndSync(pageA, words, shared, words.syncNow);
        await expect(pageA.locator('.sync-status')).toContainText(words.synced, syncTimeout);

        // B: a wrong code is refused in words; the right one joins; the first sync fetches A's book.
        await openDevices(pageB, words);
        await pageB.getByRole('textbox', { name: words.code }).fill('not a code');
        await pageB.getByRole('button', { name: words.join, exact: true }).click();
        await expect(pageB.getByText(words.notInvitation)).toBeVisible();
        mkdirSync('test-results/devices', { recursive: true });
        await pageB.screenshot({ path: `test-results/devices/join-refused-${words.language}.png` });
        await pageB.getByRole('textbox', { name: words.code }).fill(code);
        await pageB.getByRole('button', { name: words.join, exact: true }).click();
        await setFolderAndSync(pageB, words, shared, words.fetch);
        await expect(pageB.locator('.sync-status')).toContainText(words.synced, syncTimeout);
        await expect(pageB.locator('.device-list')).toContainText(words.thisDevice);
        // Both hosts run on one computer, so both carry its name: B takes another, which travels to A.
        // Escape leaves the name as it was; Enter saves the new one.
        await pageB.getByRole('button', { name: words.rename }).click();
        await pageB.getByLabel(words.renameLabel).fill('—');
        await pageB.keyboard.press('Escape');
        await expect(pageB.getByLabel(words.renameLabel)).toHaveCount(0);
        await expect(pageB.locator('.device-list')).not.toContainText('—');
        await pageB.getByRole('button', { name: words.rename }).click();
        await pageB.getByLabel(words.renameLabel).fill(words.laptop);
        await pageB.keyboard.press('Enter');
        await expect(pageB.locator('.device-list')).toContainText(words.laptop);
        await pageB.getByRole('navigation').getByRole('link', { name: words.customers }).click();
        await expect(pageB.getByText('林美華')).toBeVisible(syncTimeout);

        // Apart: A edits the customer's notes, B logs a visit; then both sync from their Devices pages.
        // One customer edited: one change waiting (its record and phone list are noted apart in the outbox).
        await a.app.rpc('customers-update', { id: mei.id, fields: { name: '林美華', phones: ['0912 345 678'], notes: '少冰，不要吸管' } });
        await b.app.rpc('visits-log', { customerId: mei.id, amountMinor: 4500, note: '第一次帶朋友來' });
        await expect(pageA.locator('.sync-status')).toContainText(words.waiting);
        mkdirSync('test-results/devices', { recursive: true });
        await pageA.locator('.sidebar-foot').screenshot({ path: `test-results/devices/status-waiting-${words.language}.png` });
        await syncWith(pageA, words.syncNow);
        await expect(pageA.locator('.sync-status')).not.toContainText(/waiting|等待/);
        await openDevices(pageB, words);
        await syncWith(pageB, words.syncNow);
        await syncWith(pageA, words.syncNow);
        await expect(pageA.locator('.sync-status')).toContainText(words.synced);

        await pageB.goto(`${b.app.url}#/customers/${mei.id}`);
        await expect(pageB.getByText('少冰，不要吸管')).toBeVisible();
        await pageA.goto(`${a.app.url}#/customers/${mei.id}`);
        await expect(pageA.getByText('第一次帶朋友來')).toBeVisible();

        // The same field edited on both while apart: after syncing, B's profile shows both values;
        // B keeps A's, and after the next syncs both show it and neither shows the block.
        await a.app.rpc('customers-update', { id: mei.id, fields: { name: '林美華', phones: ['0912 345 678'], notes: '燕麥奶，少冰' } });
        await b.app.rpc('customers-update', { id: mei.id, fields: { name: '林美華', phones: ['0912 345 678'], notes: '全糖' } });
        await openDevices(pageA, words);
        await syncWith(pageA, words.syncNow);
        await openDevices(pageB, words);
        await syncWith(pageB, words.syncNow);
        await pageB.goto(`${b.app.url}#/customers/${mei.id}`);
        const apart = pageB.getByRole('region', { name: /values entered while apart|分開時輸入的不同值|分开时输入的不同值/i });
        await expect(apart.getByRole('heading', { name: words.apartHeading })).toBeVisible();
        await expect(apart.getByRole('listitem')).toHaveCount(2);
        await pageB.screenshot({ path: `test-results/devices/apart-${words.language}.png`, fullPage: true });
        const keepA = apart.getByRole('listitem').filter({ hasText: '燕麥奶，少冰' }).getByRole('button');
        await expect(keepA).toHaveText(words.keep);
        await keepA.focus();
        await pageB.keyboard.press('Enter');
        await expect(apart).toHaveCount(0);
        await expect(pageB.locator('.profile-notes .notes')).toHaveText('燕麥奶，少冰');
        await openDevices(pageB, words);
        await syncWith(pageB, words.syncNow);
        await syncWith(pageA, words.syncNow);
        await pageA.goto(`${a.app.url}#/customers/${mei.id}`);
        await expect(pageA.locator('.profile-notes .notes')).toHaveText('燕麥奶，少冰');
        await expect(pageA.getByRole('region', { name: /values entered while apart|分開時輸入的不同值|分开时输入的不同值/i })).toHaveCount(0);

        // The Devices page and the status, to look at in each language.
        await openDevices(pageA, words);
        await expect(pageA.locator('.device-list tbody tr')).toHaveCount(2);
        await expect(pageA.locator('.device-list')).toContainText(words.laptop);
        await pageA.getByRole('button', { name: words.make }).click();
        await expect(pageA.getByRole('img', { name: words.qr })).toBeVisible();
        // The page scrolls inside the shell: a window tall enough shows all of it.
        await pageA.setViewportSize({ width: 1280, height: 1500 });
        await pageA.screenshot({ path: `test-results/devices/devices-${words.language}.png`, fullPage: true });
        await pageA.locator('.sidebar').screenshot({ path: `test-results/devices/status-${words.language}.png` });

        // Deleting for good on a shared book. A customer and a duplicate reach both devices; apart,
        // B merges the duplicate into the customer and A deletes the customer for good.
        const leaving = (await a.app.rpc('customers-create', { name: '陳志明', phones: ['0922 111 222'] })).value as { id: string };
        const duplicate = (await a.app.rpc('customers-create', { name: '陳志明（舊卡）', phones: ['0922 333 444'] })).value as { id: string };
        await syncWith(pageA, words.syncNow);
        await openDevices(pageB, words);
        await syncWith(pageB, words.syncNow);
        await b.app.rpc('customers-merge', { survivorId: leaving.id, absorbedId: duplicate.id, fields: { name: '陳志明', phones: ['0922 111 222', '0922 333 444'] } });
        await a.app.rpc('customers-archive', { id: leaving.id });
        // The confirmations, for a customer and for a visit, say what the shared history keeps.
        const removed = (await a.app.rpc('visits-log', { customerId: mei.id, amountMinor: 1200, note: '記錯了' })).value as { id: string };
        await a.app.rpc('visits-archive', { id: removed.id });
        await pageA.getByRole('navigation').getByRole('link', { name: words.archive }).click();
        await pageA.locator('.archive-list li').filter({ hasText: '林美華' }).getByRole('button', { name: words.purge }).click();
        await expect(pageA.getByRole('dialog')).toContainText(words.visitPurgeShared);
        await pageA.getByRole('dialog').screenshot({ path: `test-results/devices/visit-purge-shared-${words.language}.png` });
        await pageA.getByRole('dialog').getByRole('button', { name: words.cancel }).click();
        await expect(pageA.getByRole('dialog')).toHaveCount(0);
        await pageA.locator('.archive-list li').filter({ hasText: '陳志明' }).getByRole('button', { name: words.purge }).click();
        await expect(pageA.getByRole('dialog')).toContainText(words.purgeShared);
        await pageA.getByRole('dialog').screenshot({ path: `test-results/devices/purge-shared-${words.language}.png` });
        await pageA.getByRole('dialog').getByRole('button', { name: words.purgeConfirm, exact: true }).click();
        await expect(pageA.getByRole('dialog')).toHaveCount(0);
        // The purge reaches B, where the merge stood: the duplicate is back, and B's audit trail says why and from where.
        await openDevices(pageA, words);
        await syncWith(pageA, words.syncNow);
        await openDevices(pageB, words);
        await syncWith(pageB, words.syncNow);
        await pageB.getByRole('navigation').getByRole('link', { name: words.audit }).click();
        const undone = pageB.locator('.audit-entry').filter({ hasText: words.mergeUndone });
        await expect(undone).toHaveCount(1);
        await expect(undone.getByRole('link', { name: '陳志明（舊卡）' })).toBeVisible();
        await undone.screenshot({ path: `test-results/devices/merge-undone-${words.language}.png` });
      } finally {
        await a.stop();
        await b.stop();
        rmSync(shared, { recursive: true, force: true });
      }
    });
  });
}
