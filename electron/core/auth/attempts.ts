import { waitSecondsAfter } from '../../../shared/pin';
import { err, ok, type Result } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { getOwnerSecret, setFailedAttempts, type SecretKind } from './queries';
import { verifySecret } from './secrets';

/** What the secret was being tried for; recorded with a wrong attempt in the audit trail. */
export type AttemptPurpose = 'unlock' | 'change_pin' | 'renew_recovery_code' | 'recover';

type Charge =
  | { state: 'missing' }
  | { state: 'waiting'; retryAt: string }
  | { state: 'charged'; hash: string; failures: number; retryAt: string | null };

/**
 * Counts the attempt as a failure before the slow comparison, in its own committed transaction: two
 * attempts sent at once, or an app killed while comparing, cannot escape the count. A right secret
 * then clears it. While a wait is running the secret is not even looked at.
 */
const chargeAttempt = (ctx: HandlerContext, kind: SecretKind, now: Date): Charge =>
  ctx.db
    .transaction((): Charge => {
      const secret = getOwnerSecret(ctx.db, kind);
      if (secret === null) return { state: 'missing' };
      if (secret.retry_at !== null && now.toISOString() < secret.retry_at) return { state: 'waiting', retryAt: secret.retry_at };
      const failures = secret.failed_attempts + 1;
      const wait = waitSecondsAfter(failures);
      const retryAt = wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null;
      setFailedAttempts(ctx.db, kind, failures, retryAt);
      return { state: 'charged', hash: secret.hash, failures, retryAt };
    })
    .immediate();

/**
 * Tries one of the owner's secrets, rate-limited by growing waits kept in the book (so restarting
 * the app does not reset them). Answers the hash that matched, so a caller replacing the secret can
 * make sure nobody replaced it in between.
 */
export const tryOwnerSecret = async (
  ctx: HandlerContext,
  kind: SecretKind,
  typed: string,
  purpose: AttemptPurpose,
): Promise<Result<{ hash: string }>> => {
  const now = ctx.now();
  const charge = chargeAttempt(ctx, kind, now);
  if (charge.state === 'missing') return err('INVALID_STATE', { reason: 'no_owner_pin' });
  if (charge.state === 'waiting') {
    const minutes = Math.max(1, Math.ceil((Date.parse(charge.retryAt) - now.getTime()) / 60_000));
    return err('LOCKED_OUT', { retryAt: charge.retryAt, minutes });
  }
  if (await verifySecret(typed, charge.hash)) {
    setFailedAttempts(ctx.db, kind, 0, null);
    return ok({ hash: charge.hash });
  }
  ctx.db
    .transaction(() => {
      const attempt = { purpose, failedAttempts: charge.failures, retryAt: charge.retryAt };
      recordAudit(ctx, { action: kind === 'pin' ? 'owner.wrong_pin' : 'owner.wrong_recovery_code', entity: 'owner', entityId: null, after: attempt });
      if (charge.retryAt !== null) {
        recordAudit(ctx, { action: 'owner.lockout', entity: 'owner', entityId: null, after: { ...attempt, waitSeconds: waitSecondsAfter(charge.failures) } });
      }
    })
    .immediate();
  return err(kind === 'pin' ? 'WRONG_PIN' : 'WRONG_RECOVERY_CODE', { retryAt: charge.retryAt });
};

/** When the next PIN attempt may be made, while a wait is running. */
export const pinRetryAt = (ctx: Pick<HandlerContext, 'db' | 'now'>): string | null => {
  const retryAt = getOwnerSecret(ctx.db, 'pin')?.retry_at ?? null;
  return retryAt !== null && ctx.now().toISOString() < retryAt ? retryAt : null;
};
