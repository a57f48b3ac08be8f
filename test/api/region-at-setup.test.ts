import { describe, expect, it } from 'vitest';
import { countries, countryOfLocales, regionDefaults, timeZonesOfCountry } from '../../shared/region';
import type { Core } from '../../electron/core/core';
import { callOk, fixedClock, freshCore } from '../support/core';

describe('the shop’s region', () => {
  it('follows the system locale: country, then its currency and a zone in it', () => {
    expect(regionDefaults(countryOfLocales(['zh-TW'])!, 'UTC')).toEqual({ country: 'TW', currency: 'TWD', timeZone: 'Asia/Taipei' });
    expect(regionDefaults(countryOfLocales(['zh-CN'])!, 'UTC')).toEqual({ country: 'CN', currency: 'CNY', timeZone: 'Asia/Shanghai' });
    expect(regionDefaults(countryOfLocales(['en-US'])!, 'UTC')).toEqual({ country: 'US', currency: 'USD', timeZone: 'America/New_York' });
    // The computer's own zone wins when it is in the country.
    expect(regionDefaults('US', 'America/Chicago').timeZone).toBe('America/Chicago');
    expect(regionDefaults(countryOfLocales(['C', 'fr-FR'])!, 'UTC')).toEqual({ country: 'FR', currency: 'EUR', timeZone: 'Europe/Paris' });
    expect(countryOfLocales(['zh-Hant'])).toBe('TW');
    expect(timeZonesOfCountry('US').length).toBeGreaterThan(5);
    // Each country once by the name the screens show, in each language the app speaks.
    for (const language of ['en', 'zh-Hant', 'zh-Hans']) {
      const names = new Intl.DisplayNames([language], { type: 'region' });
      const shown = countries.map((code) => names.of(code));
      expect(shown.filter((name, index) => shown.indexOf(name) !== index)).toEqual([]);
    }
  });

  it('a new book on a zh-CN computer starts in China, and setup stores the chosen country so Taiwanese mobiles get +886', async () => {
    const china = freshCore({ systemLocales: ['zh-CN'] });
    expect(await callOk(china, 'settings-get', {})).toMatchObject({ country: 'CN', currency: 'CNY' });

    const core = freshCore({ systemLocales: ['en-US'] });
    await callOk(core, 'auth-setup', { shopName: '小巷咖啡', currency: 'TWD', country: 'TW', timeZone: 'Asia/Taipei', language: 'zh-Hant', pin: '2580' });
    expect(await callOk(core, 'settings-get', {})).toMatchObject({ country: 'TW', currency: 'TWD', timeZone: 'Asia/Taipei' });
    const customer = await callOk(core, 'customers-create', { name: '林美華', phones: ['0922 333 444'] });
    expect(customer.phones[0]).toMatchObject({ e164: '+886922333444' });
  });

  it('a book set up before setup asked is asked once; choosing Taiwan reads its stored mobiles as Taiwanese', async () => {
    const core = freshCore({ systemLocales: ['en-US'] });
    expect((await callOk(core, 'settings-get', {})).regionConfirmed).toBe(false);
    await callOk(core, 'auth-setup', { shopName: '小巷咖啡', currency: 'USD', language: 'zh-Hant', pin: '2580' });
    expect((await callOk(core, 'settings-get', {})).regionConfirmed).toBe(true);
    // The book as an earlier version left it: set up, its country the computer's guess.
    core.db.prepare("DELETE FROM settings WHERE key = 'regionConfirmed'").run();
    const mei = await callOk(core, 'customers-create', { name: '林美華', phones: ['0922 333 444'] });
    expect(mei.phones[0]).toMatchObject({ e164: null });
    expect(await callOk(core, 'settings-get', {})).toMatchObject({ country: 'US', regionConfirmed: false });

    // Keeping the country answers the question too, and reads nothing again.
    const kept = freshCore({ systemLocales: ['en-US'] });
    await callOk(kept, 'settings-update', { country: 'US' });
    expect((await callOk(kept, 'settings-get', {})).regionConfirmed).toBe(true);

    await callOk(core, 'settings-update', { country: 'TW', currency: 'TWD', timeZone: 'Asia/Taipei' });
    expect(await callOk(core, 'settings-get', {})).toMatchObject({ country: 'TW', regionConfirmed: true });
    expect((await callOk(core, 'customers-get', { id: mei.id })).phones[0]).toMatchObject({ e164: '+886922333444' });
    // Typed today in the international form, the same mobile is the same customer.
    const duplicates = await callOk(core, 'customers-find-duplicates', { name: '林小姐', phones: ['+886 922 333 444'], email: '' });
    expect(duplicates.map((found) => found.customer.id)).toContain(mei.id);
    expect((await callOk(core, 'customers-search', { query: '0922333444' })).rows.map((row) => row.id)).toContain(mei.id);
    const trail = await callOk(core, 'audit-list', { limit: 5 });
    expect(trail.entries[0]?.after).toMatchObject({ country: 'TW', phonesRead: 1 });
  });

  it('a book filled before setup follows the zone and country chosen there: lapse days as a book set up first would have them, phones read again', async () => {
    // 18:50 UTC is already the next day in Taipei; each visit at 20:00 UTC falls a day later there than in New York.
    const clock = fixedClock('2026-12-07T18:50:00.000Z');
    const fill = async (core: Core) => {
      const customer = await callOk(core, 'customers-create', { name: '林美華', phones: ['0922 333 444'] });
      for (const day of ['2026-10-01', '2026-10-31', '2026-11-30']) {
        await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 12000, occurredAt: `${day}T20:00:00.000Z` });
      }
      return customer.id;
    };
    const lapseDay = (core: Core, id: string) => core.db.prepare('SELECT lapses_on FROM customers WHERE id = ?').pluck().get(id);
    const setup = { shopName: '小巷咖啡', currency: 'TWD', country: 'TW', timeZone: 'Asia/Taipei', language: 'zh-Hant', pin: '2580' } as const;

    const filledFirst = freshCore({ systemLocales: ['en-US'], now: clock.now });
    expect(await callOk(filledFirst, 'settings-get', {})).not.toMatchObject({ timeZone: 'Asia/Taipei' });
    const id = await fill(filledFirst);
    const lapseBefore = lapseDay(filledFirst, id);
    await callOk(filledFirst, 'auth-setup', setup);

    const setUpFirst = freshCore({ systemLocales: ['en-US'], now: clock.now });
    await callOk(setUpFirst, 'auth-setup', setup);
    const twin = await fill(setUpFirst);

    expect(lapseDay(setUpFirst, twin)).not.toBe(lapseBefore);
    expect(lapseDay(filledFirst, id)).toBe(lapseDay(setUpFirst, twin));
    expect((await callOk(filledFirst, 'customers-get', { id })).phones[0]).toMatchObject({ e164: '+886922333444' });
    const trail = await callOk(filledFirst, 'audit-list', { limit: 5 });
    expect(trail.entries.find((entry) => entry.action === 'settings.update')?.after).toMatchObject({ timeZone: 'Asia/Taipei', phonesRead: 1 });
  });
});
