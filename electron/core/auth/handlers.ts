import { normalisePin, normaliseRecoveryCode } from '../../../shared/pin';
import { err, ok } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { rulesChangedInWorker } from '../derive';
import { saveSettingsChange } from '../settings';
import { tryOwnerSecret } from './attempts';
import { getOwnerSecret, hasOwnerPin, putOwnerSecret, type SecretKind } from './queries';
import { hashSecret, newRecoveryCode } from './secrets';
import { lockOwner, sessionState, unlockOwner } from './session';

/** Refuses to replace a secret that changed while its old value was being checked (two tabs at once). */
const unchangedSince = (ctx: HandlerContext, kind: SecretKind, hash: string): boolean => getOwnerSecret(ctx.db, kind)?.hash === hash;

const issueRecoveryCode = async (): Promise<{ code: string; hash: string }> => {
  const code = newRecoveryCode();
  return { code, hash: await hashSecret(code) };
};

export const authHandlers: HandlerImpls = {
  'auth-setup': async (ctx, input) => {
    if (hasOwnerPin(ctx.db)) return err('INVALID_STATE', { reason: 'already_set_up' });
    const [pinHash, recovery] = await Promise.all([hashSecret(normalisePin(input.pin)), issueRecoveryCode()]);
    const saved = inTransaction(ctx.db, () => {
      if (hasOwnerPin(ctx.db)) return err('INVALID_STATE', { reason: 'already_set_up' });
      // Country and time zone are asked at setup; a caller that leaves them out keeps what the book has.
      const changes = {
        shopName: input.shopName,
        currency: input.currency,
        language: input.language,
        ...(input.country === undefined ? {} : { country: input.country }),
        ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
      };
      // Setup asks the region: whatever it saved, the owner has seen the country.
      saveSettingsChange(ctx, changes, true);
      const at = ctx.now().toISOString();
      putOwnerSecret(ctx.db, 'pin', pinHash, at);
      putOwnerSecret(ctx.db, 'recovery', recovery.hash, at);
      recordAudit(ctx, { action: 'owner.setup', entity: 'owner', entityId: null });
      return ok(null);
    });
    if (!saved.ok) return saved;
    unlockOwner(ctx);
    // A book made before setup (seeded, or imported from the command line) was derived in the zone
    // it had then: its lapse days, tiers and reminders follow the zone chosen here. The recovery
    // code is shown once, so it is answered even if this pass could not run: the figures would then
    // catch up at the next start, which compares each one's zone with the shop's.
    await rulesChangedInWorker(ctx);
    return ok({ recoveryCode: recovery.code, session: sessionState(ctx) });
  },

  'auth-unlock': async (ctx, { pin }) => {
    if (!hasOwnerPin(ctx.db)) return err('INVALID_STATE', { reason: 'no_owner_pin' });
    if (ctx.session.role === 'owner') return ok(sessionState(ctx));
    const checked = await tryOwnerSecret(ctx, 'pin', normalisePin(pin), 'unlock');
    if (!checked.ok) return checked;
    unlockOwner(ctx);
    recordAudit(ctx, { action: 'owner.unlock', entity: 'owner', entityId: null });
    return ok(sessionState(ctx));
  },

  'auth-lock': (ctx) => {
    // Without a PIN there would be no way back to the owner.
    if (!hasOwnerPin(ctx.db)) return err('INVALID_STATE', { reason: 'no_owner_pin' });
    lockOwner(ctx, 'manual');
    return ok(sessionState(ctx));
  },

  'auth-recover': async (ctx, input) => {
    const checked = await tryOwnerSecret(ctx, 'recovery', normaliseRecoveryCode(input.recoveryCode), 'recover');
    if (!checked.ok) return checked;
    const [pinHash, recovery] = await Promise.all([hashSecret(normalisePin(input.newPin)), issueRecoveryCode()]);
    const saved = inTransaction(ctx.db, () => {
      // The code is good once: a second use racing this one finds it already replaced.
      if (!unchangedSince(ctx, 'recovery', checked.value.hash)) return err('WRONG_RECOVERY_CODE', { retryAt: null });
      const at = ctx.now().toISOString();
      putOwnerSecret(ctx.db, 'pin', pinHash, at);
      putOwnerSecret(ctx.db, 'recovery', recovery.hash, at);
      recordAudit(ctx, { action: 'owner.recover', entity: 'owner', entityId: null });
      return ok(null);
    });
    if (!saved.ok) return saved;
    unlockOwner(ctx);
    return ok({ recoveryCode: recovery.code, session: sessionState(ctx) });
  },

  'auth-change-pin': async (ctx, input) => {
    const checked = await tryOwnerSecret(ctx, 'pin', normalisePin(input.currentPin), 'change_pin');
    if (!checked.ok) return checked;
    const pinHash = await hashSecret(normalisePin(input.newPin));
    const saved = inTransaction(ctx.db, () => {
      if (!unchangedSince(ctx, 'pin', checked.value.hash)) return err('WRONG_PIN', { retryAt: null });
      putOwnerSecret(ctx.db, 'pin', pinHash, ctx.now().toISOString());
      recordAudit(ctx, { action: 'owner.pin_change', entity: 'owner', entityId: null });
      return ok(null);
    });
    return saved.ok ? ok(sessionState(ctx)) : saved;
  },

  'auth-new-recovery-code': async (ctx, { pin }) => {
    const checked = await tryOwnerSecret(ctx, 'pin', normalisePin(pin), 'renew_recovery_code');
    if (!checked.ok) return checked;
    const recovery = await issueRecoveryCode();
    ctx.db
      .transaction(() => {
        putOwnerSecret(ctx.db, 'recovery', recovery.hash, ctx.now().toISOString());
        recordAudit(ctx, { action: 'owner.recovery_code_renew', entity: 'owner', entityId: null });
      })
      .immediate();
    return ok({ recoveryCode: recovery.code });
  },
};
