import { describe, expect, it, vi } from 'vitest';
import { contract, handlerNames } from '../../shared/contract';
import { forgetOwnerSecrets } from '../../electron/core/auth/reset';
import { bookSnapshot, callOk, fixedClock, freshCore, setUpOwner, testPin } from '../support/core';

const actions = (core: ReturnType<typeof freshCore>) => core.db.prepare('SELECT action FROM audit_log ORDER BY rowid').pluck().all() as string[];

describe('first-run setup', () => {
  it('is the owner’s until a PIN is set; then the book opens at the counter as staff', async () => {
    const dir = freshCore().info.dataDir;
    const first = freshCore({ dataDir: dir });
    expect(await callOk(first, 'session-get', {})).toMatchObject({ role: 'owner', ownerPinSet: false });
    const setup = await callOk(first, 'auth-setup', { shopName: 'Corner Café', currency: 'HKD', language: 'zh-Hant', pin: '2580' });
    expect(setup.recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(setup.session).toMatchObject({ role: 'owner', ownerPinSet: true, autoLockMinutes: 5 });
    expect(await callOk(first, 'settings-get', {})).toMatchObject({ shopName: 'Corner Café', currency: 'HKD', language: 'zh-Hant' });
    expect(await first.call('auth-setup', { shopName: 'Again', currency: 'TWD', language: null, pin: '2580' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'already_set_up' } },
    });
    first.close();
    const reopened = freshCore({ dataDir: dir });
    expect(await callOk(reopened, 'session-get', {})).toMatchObject({ role: 'staff', ownerPinSet: true });
    expect(await reopened.call('auth-setup', { shopName: 'Mine now', currency: 'TWD', language: null, pin: '1357' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('stores only salted slow hashes, never the PIN or the recovery code', async () => {
    const core = freshCore();
    const code = await setUpOwner(core);
    const rows = core.db.prepare('SELECT kind, hash FROM owner_secrets ORDER BY kind').all() as { kind: string; hash: string }[];
    expect(rows.map((row) => row.kind)).toEqual(['pin', 'recovery']);
    for (const row of rows) expect(row.hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    const everything = bookSnapshot(core);
    expect(everything).not.toContain(testPin);
    expect(everything).not.toContain(code);
  });

  it('refuses a PIN that is too short, too long or too easy to guess', async () => {
    const core = freshCore();
    for (const [pin, rule] of [['123', 'invalid_pin'], ['1234', 'weak_pin'], ['x'.repeat(129), 'invalid_pin']] as const) {
      expect(await core.call('auth-setup', { shopName: '', currency: 'TWD', language: null, pin })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'pin', rule }] } },
      });
    }
    expect(await callOk(core, 'session-get', {})).toMatchObject({ ownerPinSet: false });
  });
});

describe('staff mode and unlocking', () => {
  it('refuses every owner-only handler to staff, before validation and without changing anything, and allows it after unlocking', async () => {
    const core = freshCore();
    await setUpOwner(core);
    const ownerOnly = handlerNames.filter((name) => contract[name].access === 'owner');
    expect(ownerOnly.length).toBeGreaterThan(10);
    const before = bookSnapshot(core);
    for (const name of ownerOnly) {
      expect(await core.callUnknown(name, {}), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(bookSnapshot(core)).toBe(before);
    await callOk(core, 'auth-unlock', { pin: testPin });
    for (const name of ownerOnly) {
      const result = await core.callUnknown(name, {});
      expect(result.ok || result.error.code !== 'FORBIDDEN', name).toBe(true);
    }
  });

  it('unlocks with the PIN (full-width digits too), locks by hand, and records both', async () => {
    const core = freshCore();
    await setUpOwner(core);
    expect(await core.call('auth-unlock', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { retryAt: null } } });
    expect(await callOk(core, 'auth-unlock', { pin: '２５８０' })).toMatchObject({ role: 'owner' });
    expect(await callOk(core, 'auth-lock', {})).toMatchObject({ role: 'staff' });
    expect(actions(core)).toEqual(['settings.update', 'owner.setup', 'owner.lock', 'owner.wrong_pin', 'owner.unlock', 'owner.lock']);
  });

  it('locks an idle owner by itself after the configured minutes, recorded at the moment it took effect', async () => {
    const clock = fixedClock('2026-11-23T09:00:00.000Z');
    const core = freshCore({ now: clock.now });
    await setUpOwner(core);
    await callOk(core, 'auth-unlock', { pin: testPin });
    await callOk(core, 'settings-update', { autoLockMinutes: 10 });
    clock.set('2026-11-23T09:09:00.000Z');
    expect(await callOk(core, 'session-get', {})).toMatchObject({ role: 'owner' });
    clock.set('2026-11-23T09:18:59.000Z');
    expect(await callOk(core, 'session-get', {})).toMatchObject({ role: 'owner' });
    const changes: string[] = [];
    core.events.on('data-changed', (event) => changes.push(event.handler));
    clock.set('2026-11-23T09:29:00.000Z');
    expect(await core.call('audit-list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(changes).toEqual(['auth-lock']);
    const lock = core.db.prepare("SELECT at, after_json FROM audit_log WHERE action = 'owner.lock' ORDER BY rowid DESC LIMIT 1").get();
    expect(lock).toEqual({ at: '2026-11-23T09:28:59.000Z', after_json: '{"reason":"idle"}' });
  });

  it('locks by itself when nobody touches the app, and tells the screens', async () => {
    const clock = fixedClock('2026-11-23T09:00:00.000Z');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const core = freshCore({ now: clock.now });
      await setUpOwner(core);
      await callOk(core, 'auth-unlock', { pin: testPin });
      const changes: string[] = [];
      core.events.on('data-changed', (event) => changes.push(event.handler));
      clock.set('2026-11-23T09:04:00.000Z');
      vi.advanceTimersByTime(4 * 60_000);
      expect(core.session.role).toBe('owner');
      clock.set('2026-11-23T09:05:01.000Z');
      vi.advanceTimersByTime(61_000);
      expect(changes).toEqual(['auth-lock']);
      expect(core.session.role).toBe('staff');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never locks an owner session that was not unlocked with a PIN (no PIN yet, or the CLI)', async () => {
    const clock = fixedClock('2026-11-23T09:00:00.000Z');
    const core = freshCore({ now: clock.now });
    clock.set('2026-11-24T09:00:00.000Z');
    expect(await callOk(core, 'session-get', {})).toMatchObject({ role: 'owner' });
    const dir = core.info.dataDir;
    await setUpOwner(core);
    core.close();
    const cli = freshCore({ dataDir: dir, authority: 'owner', now: clock.now });
    clock.set('2026-11-25T09:00:00.000Z');
    expect(await callOk(cli, 'session-get', {})).toMatchObject({ role: 'owner' });
  });
});

describe('slowing down PIN guessing', () => {
  it('makes wrong attempts wait longer and longer, refuses without checking while waiting, and keeps the wait across a restart', async () => {
    const clock = fixedClock('2026-11-23T09:00:00.000Z');
    const first = freshCore({ now: clock.now });
    const dir = first.info.dataDir;
    await setUpOwner(first);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await first.call('auth-unlock', { pin: '1111' })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN', details: { retryAt: null } } });
    }
    expect(await first.call('auth-unlock', { pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PIN', details: { retryAt: '2026-11-23T09:00:30.000Z' } },
    });
    // Even the right PIN is not looked at while the wait runs, and a restart does not end it.
    first.close();
    const core = freshCore({ dataDir: dir, now: clock.now });
    expect(await callOk(core, 'session-get', {})).toMatchObject({ role: 'staff', unlockRetryAt: '2026-11-23T09:00:30.000Z' });
    expect(await core.call('auth-unlock', { pin: testPin })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED_OUT', details: { retryAt: '2026-11-23T09:00:30.000Z', minutes: 1 } },
    });
    const waits: number[] = [];
    for (let attempt = 5; attempt <= 12; attempt += 1) {
      const now = clock.now().getTime();
      const retryAt = (core.db.prepare("SELECT retry_at FROM owner_secrets WHERE kind = 'pin'").pluck().get() as string) ?? '';
      clock.set(new Date(Math.max(now, Date.parse(retryAt))).toISOString());
      const result = await core.call('auth-unlock', { pin: '1111' });
      expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
      const next = result.ok ? '' : ((result.error.details as { retryAt: string }).retryAt);
      waits.push((Date.parse(next) - clock.now().getTime()) / 1000);
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(actions(core).filter((action) => action === 'owner.lockout')).toHaveLength(9);
    clock.set('2026-11-25T00:00:00.000Z');
    expect(await callOk(core, 'auth-unlock', { pin: testPin })).toMatchObject({ role: 'owner', unlockRetryAt: null });
    expect(core.db.prepare("SELECT failed_attempts FROM owner_secrets WHERE kind = 'pin'").pluck().get()).toBe(0);
  });

  it('counts attempts sent at the same moment: they cannot race past the limit', async () => {
    const core = freshCore();
    await setUpOwner(core);
    const results = await Promise.all(Array.from({ length: 8 }, () => core.call('auth-unlock', { pin: '1111' })));
    const codes = results.map((result) => (result.ok ? 'ok' : result.error.code));
    expect(codes.filter((code) => code === 'WRONG_PIN')).toHaveLength(4);
    expect(codes.filter((code) => code === 'LOCKED_OUT')).toHaveLength(4);
  });
});

describe('changing and recovering the PIN', () => {
  it('changes the PIN only with the current one', async () => {
    const core = freshCore();
    await setUpOwner(core);
    await callOk(core, 'auth-unlock', { pin: testPin });
    expect(await core.call('auth-change-pin', { currentPin: '9999', newPin: '4826' })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expect(await core.call('auth-change-pin', { currentPin: testPin, newPin: '4444' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'newPin', rule: 'weak_pin' }] } },
    });
    await callOk(core, 'auth-change-pin', { currentPin: testPin, newPin: 'my shop passphrase' });
    await callOk(core, 'auth-lock', {});
    expect(await core.call('auth-unlock', { pin: testPin })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expect(await callOk(core, 'auth-unlock', { pin: 'my shop passphrase' })).toMatchObject({ role: 'owner' });
    expect(actions(core)).toContain('owner.pin_change');
  });

  it('resets a forgotten PIN with the one-time recovery code, which then stops working', async () => {
    const core = freshCore();
    const code = await setUpOwner(core);
    // Some wrong PINs first: recovery still works and clears them.
    for (let attempt = 0; attempt < 5; attempt += 1) await core.call('auth-unlock', { pin: '1111' });
    expect(await core.call('auth-recover', { recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE', newPin: '4826' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_RECOVERY_CODE' },
    });
    const typed = code.toLowerCase().replace(/(.{4})/g, '$1 ').trim();
    const recovered = await callOk(core, 'auth-recover', { recoveryCode: typed, newPin: '4826' });
    expect(recovered.session).toMatchObject({ role: 'owner', unlockRetryAt: null });
    expect(recovered.recoveryCode).not.toBe(code);
    await callOk(core, 'auth-lock', {});
    expect(await core.call('auth-recover', { recoveryCode: code, newPin: '7391' })).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_CODE' } });
    expect(await callOk(core, 'auth-unlock', { pin: '4826' })).toMatchObject({ role: 'owner' });
    const fresh = await callOk(core, 'auth-new-recovery-code', { pin: '4826' });
    await callOk(core, 'auth-lock', {});
    expect(await core.call('auth-recover', { recoveryCode: recovered.recoveryCode, newPin: '7391' })).toMatchObject({ ok: false });
    expect(await callOk(core, 'auth-recover', { recoveryCode: fresh.recoveryCode, newPin: '7391' })).toMatchObject({ session: { role: 'owner' } });
  });
});

describe('the command line’s last resort', () => {
  it('forgets a lost PIN and recovery code, so the app asks for setup again, and says so in the trail', async () => {
    const first = freshCore();
    const dir = first.info.dataDir;
    await setUpOwner(first);
    first.close();
    const cli = freshCore({ dataDir: dir, authority: 'owner' });
    expect(forgetOwnerSecrets({ db: cli.db, session: cli.session, now: () => new Date() })).toBe(true);
    expect(forgetOwnerSecrets({ db: cli.db, session: cli.session, now: () => new Date() })).toBe(false);
    cli.close();
    const app = freshCore({ dataDir: dir });
    expect(await callOk(app, 'session-get', {})).toMatchObject({ role: 'owner', ownerPinSet: false });
    expect(actions(app).at(-1)).toBe('owner.pin_reset');
    expect(await callOk(app, 'settings-get', {})).toMatchObject({ shopName: 'Corner Café' });
  });
});
