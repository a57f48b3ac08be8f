import { z } from 'zod';
import { pinProblem } from '../pin';
import { handler, returns } from './define';
import type { SessionState } from './session';
import { settingsShape } from './settings';

/** Generous: a passphrase is at most 128 characters, but NFKC may grow what was typed. */
const maxSecretInput = 512;

/** A PIN or passphrase being chosen: refused with the rule it breaks (invalid_pin, weak_pin). */
export const newPin = z
  .string()
  .max(maxSecretInput)
  .superRefine((pin, context) => {
    const problem = pinProblem(pin);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/** A PIN being tried: any text, judged only by comparing it with the stored hash. */
export const enteredPin = z.string().min(1).max(maxSecretInput);

export interface RecoveryCodeIssued {
  /** Shown once and never stored in clear: the book keeps only its hash. */
  recoveryCode: string;
  session: SessionState;
}

export const authContract = {
  /** First run: the shop's basics and the owner PIN. Only while no PIN is set (the session is the owner's until then). */
  'auth-setup': handler({
    input: z.strictObject({
      shopName: settingsShape.shape.shopName,
      currency: settingsShape.shape.currency,
      language: settingsShape.shape.language,
      country: settingsShape.shape.country.optional(),
      timeZone: settingsShape.shape.timeZone.optional(),
      pin: newPin,
    }),
    output: returns<RecoveryCodeIssued>(),
    access: 'owner',
    mutates: true,
  }),
  'auth-unlock': handler({
    input: z.strictObject({ pin: enteredPin }),
    output: returns<SessionState>(),
    access: 'staff',
    mutates: true,
  }),
  'auth-lock': handler({
    input: z.strictObject({}),
    output: returns<SessionState>(),
    access: 'staff',
    mutates: true,
  }),
  /** The forgotten-PIN path: the one-time recovery code sets a new PIN and is replaced by a new code. */
  'auth-recover': handler({
    input: z.strictObject({ recoveryCode: z.string().min(1).max(100), newPin }),
    output: returns<RecoveryCodeIssued>(),
    access: 'staff',
    mutates: true,
  }),
  'auth-change-pin': handler({
    input: z.strictObject({ currentPin: enteredPin, newPin }),
    output: returns<SessionState>(),
    access: 'owner',
    mutates: true,
  }),
  /** A new recovery code for an owner who lost the old one (which stops working). */
  'auth-new-recovery-code': handler({
    input: z.strictObject({ pin: enteredPin }),
    output: returns<{ recoveryCode: string }>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
