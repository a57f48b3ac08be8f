import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { errorMessages } from '../../shared/i18n/errors';
import { expect, startBrowserMode, test } from './fixtures';
import { openDevices, pageFor, syncTimeout, syncWith } from './pages/devices';

/** What each language's screens say, as the owner reads them. */
const languages = [
  {
    language: 'zh-Hant',
    locale: 'zh-TW',
    settings: '設定',
    devices: '裝置',
    settingsLink: '裝置：與另一台電腦共用這本客戶簿',
    make: '產生邀請',
    code: '邀請碼',
    noAddress: '這個邀請碼沒有網路位址',
    address: '這個邀請碼帶有這台電腦在店裡網路上的位址',
    start: '在這個網路上共用',
    serving: '會在這個網路上以 regulars://127.0.0.1:',
    join: '加入',
    joined: '客戶簿會透過店裡的網路從 regulars://127.0.0.1:',
    awaiting: '同步會透過店裡的網路從 regulars://127.0.0.1:',
    fetch: '取得客戶簿並同步',
    syncNow: '立即同步',
    synced: /已同步 /,
    sharing: '正在店裡的網路上共用',
    never: '從未',
    laptopPeer: '這台裝置會與店裡網路上的 regulars://127.0.0.1:',
    customers: '客戶',
    remove: '移除',
    removeNetwork: '在店裡的網路上，它會立即被拒絕',
    confirmRemove: '移除裝置',
  },
  {
    language: 'zh-Hans',
    locale: 'zh-CN',
    settings: '设置',
    devices: '设备',
    settingsLink: '设备：与另一台电脑共享这本客户簿',
    make: '生成邀请',
    code: '邀请码',
    noAddress: '这个邀请码没有网络地址',
    address: '这个邀请码带有这台电脑在店里网络上的地址',
    start: '在这个网络上共享',
    serving: '会在这个网络上以 regulars://127.0.0.1:',
    join: '加入',
    joined: '客户簿会通过店里的网络从 regulars://127.0.0.1:',
    awaiting: '同步会通过店里的网络从 regulars://127.0.0.1:',
    fetch: '获取客户簿并同步',
    syncNow: '立即同步',
    synced: /已同步 /,
    sharing: '正在店里的网络上共享',
    never: '从未',
    laptopPeer: '这台设备会与店里网络上的 regulars://127.0.0.1:',
    customers: '客户',
    remove: '移除',
    removeNetwork: '在店里的网络上，它会立即被拒绝',
    confirmRemove: '移除设备',
  },
  {
    language: 'en',
    locale: 'en-US',
    settings: 'Settings',
    devices: 'Devices',
    settingsLink: 'Devices: share this book with another computer',
    make: 'Make an invitation',
    code: 'Invitation code',
    noAddress: 'This code carries no network address',
    address: 'This code carries this computer’s address on the shop’s network',
    start: 'Share on this network',
    serving: 'Sharing the book on this network at regulars://127.0.0.1:',
    join: 'Join',
    joined: 'the book arrives over the shop’s network from regulars://127.0.0.1:',
    awaiting: 'Syncing fetches the book from regulars://127.0.0.1:',
    fetch: 'Fetch the book and sync',
    syncNow: 'Sync now',
    synced: /Synced /,
    sharing: 'Sharing on the shop’s network',
    never: 'never',
    laptopPeer: 'This device syncs with regulars://127.0.0.1:',
    customers: 'Customers',
    remove: 'Remove',
    removeNetwork: 'Over the shop’s network it is refused at once',
    confirmRemove: 'Remove device',
  },
] as const;

/** A sync runs in the job worker (the serving side in its thread) and takes seconds on a busy 2-core machine. */

/** A port free on loopback now, for the counter to serve on (each host its own: no other test meets it). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

for (const words of languages) {
  test.describe(`two devices sharing one book over the shop’s network (${words.language})`, () => {
    test('the counter serves the book, the laptop joins with its invitation and syncs both ways, and removal shuts it out', async ({ browser }) => {
      test.setTimeout(240_000);
      const shots = 'test-results/devices-network';
      mkdirSync(shots, { recursive: true });
      // Loopback only: the counter on a port of its own; the laptop never serves.
      const a = await startBrowserMode({ REGULARS_SHOP_NETWORK: `127.0.0.1:${await freePort()}` });
      const b = await startBrowserMode({ REGULARS_SHOP_NETWORK: '127.0.0.1:0' });
      try {
        const mei = (await a.app.rpc('customers-create', { name: '林美華', phones: ['0912 345 678'] })).value as { id: string };
        const pageA = await pageFor(browser, a.app, words.locale);
        const pageB = await pageFor(browser, b.app, words.locale);

        // Counter: sharing starts with an invitation (no address yet); sharing on the network makes the next one carry it.
        await openDevices(pageA, words);
        await pageA.getByRole('button', { name: words.make }).click();
        await expect(pageA.getByText(words.noAddress)).toBeVisible();
        await pageA.getByRole('button', { name: words.start }).click();
        await expect(pageA.getByText(words.serving)).toBeVisible();
        await expect(pageA.locator('.sync-status')).toContainText(words.sharing);
        await pageA.getByRole('button', { name: words.make }).click();
        await expect(pageA.getByText(words.address)).toBeVisible();
        const code = await pageA.locator('.invitation').getByRole('textbox', { name: words.code }).inputValue();
        await pageA.setViewportSize({ width: 1280, height: 1500 });
        await pageA.screenshot({ path: `${shots}/counter-serving-${words.language}.png`, fullPage: true });

        // Laptop: joins with the code, and its first sync fetches the book over the network (no folder).
        await openDevices(pageB, words);
        await pageB.getByRole('textbox', { name: words.code }).fill(code);
        await pageB.getByRole('button', { name: words.join, exact: true }).click();
        await expect(pageB.getByText(words.joined)).toBeVisible();
        await expect(pageB.getByText(words.awaiting)).toBeVisible();
        await pageB.setViewportSize({ width: 1280, height: 1200 });
        await pageB.screenshot({ path: `${shots}/laptop-joined-${words.language}.png`, fullPage: true });
        await syncWith(pageB, words.fetch);
        await expect(pageB.locator('.sync-status')).toContainText(words.synced, syncTimeout);
        await expect(pageB.getByText(words.laptopPeer)).toBeVisible();
        await pageB.screenshot({ path: `${shots}/laptop-synced-${words.language}.png`, fullPage: true });
        await pageB.getByRole('navigation').getByRole('link', { name: words.customers }).click();
        await expect(pageB.getByText('林美華')).toBeVisible(syncTimeout);

        // Apart: the counter edits the notes, the laptop logs a visit; one "Sync now" on the laptop carries both.
        await a.app.rpc('customers-update', { id: mei.id, fields: { name: '林美華', phones: ['0912 345 678'], notes: '少冰，不要吸管' } });
        await b.app.rpc('visits-log', { customerId: mei.id, amountMinor: 4500, note: '第一次帶朋友來' });
        await openDevices(pageB, words);
        await syncWith(pageB, words.syncNow);
        await expect(pageB.locator('.sync-status')).toContainText(words.synced);
        await pageB.goto(`${b.app.url}#/customers/${mei.id}`);
        await expect(pageB.getByText('少冰，不要吸管')).toBeVisible();
        await pageA.goto(`${a.app.url}#/customers/${mei.id}`);
        await expect(pageA.getByText('第一次帶朋友來')).toBeVisible(syncTimeout);

        // The counter lists the laptop as heard from, and its own last sync (the one it served).
        await openDevices(pageA, words);
        const rows = pageA.locator('.device-list tbody tr');
        await expect(rows).toHaveCount(2);
        for (const row of await rows.all()) await expect(row.locator('td').nth(2)).not.toHaveText(words.never);
        await expect(pageA.locator('.sync-status')).toContainText(words.synced);
        await pageA.locator('.sidebar').screenshot({ path: `${shots}/counter-status-${words.language}.png` });

        // Removed on the counter: the dialog says the network refuses it at once, and the laptop's next sync is refused in words.
        await rows.filter({ hasNotText: /this device|這台裝置|这台设备/ }).getByRole('button', { name: words.remove }).click();
        await expect(pageA.getByRole('dialog')).toContainText(words.removeNetwork);
        await pageA.screenshot({ path: `${shots}/remove-${words.language}.png` });
        await pageA.getByRole('dialog').getByRole('button', { name: words.confirmRemove }).click();
        await expect(pageA.getByRole('dialog')).toHaveCount(0);
        await openDevices(pageB, words);
        await syncWith(pageB, words.syncNow);
        const states = errorMessages[words.language].states as Record<string, string>;
        await expect(pageB.locator('.devices [role="alert"]')).toHaveText(states.peer_device_removed!);
        await pageB.screenshot({ path: `${shots}/laptop-refused-${words.language}.png`, fullPage: true });
      } finally {
        await a.stop();
        await b.stop();
      }
    });
  });
}
