import type { HandlerName, InputOf, OutputOf } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { err, type Result } from '../../../shared/result';
import { transport } from './transport';

const isResult = (value: unknown): value is Result<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';

/** The renderer's one way to reach the core; it does not know which transport carries the call. */
export const api = async <N extends HandlerName>(name: N, input: InputOf<N>, signal?: AbortSignal): Promise<Result<OutputOf<N>>> => {
  const answer = await transport.invoke(name, input, signal);
  return (isResult(answer) ? answer : err('TRANSPORT_FAILED')) as Result<OutputOf<N>>;
};

/** Carries an error value through React Query, which reports failures by throwing. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
  }
}

export const apiOrThrow = async <N extends HandlerName>(name: N, input: InputOf<N>, signal?: AbortSignal): Promise<OutputOf<N>> => {
  const result = await api(name, input, signal);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
};
