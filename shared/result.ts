import type { AppError, ErrorCode, ErrorDetails } from './errors';
import { describeError } from './i18n/describe-error';

/** Every handler answers with this shape; errors are values, never thrown text. */
export type Result<T> = { ok: true; value: T } | Failure;
export type Failure = { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

type CodeWithoutDetails = { [C in ErrorCode]: ErrorDetails[C] extends undefined ? C : never }[ErrorCode];
type CodeWithDetails = Exclude<ErrorCode, CodeWithoutDetails>;

export function err(code: CodeWithoutDetails): Failure;
export function err<C extends CodeWithDetails>(code: C, details: ErrorDetails[C]): Failure;
export function err(code: ErrorCode, details?: unknown): Failure {
  const error = (details === undefined ? { code, message: '' } : { code, message: '', details }) as AppError;
  // `message` is for whoever reads the raw answer (a log, a script calling /rpc): the sentence, in English, not the code again.
  error.message = describeError(error, 'en');
  return { ok: false, error };
}
