import { randomUUID } from 'node:crypto';
import { contract, isHandlerName, type HandlerName, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { mayCall } from '../../shared/contract/define';
import type { AppError } from '../../shared/errors';
import { err, type Result } from '../../shared/result';
import { toFieldIssues } from '../../shared/validation';
import type { HandlerContext } from './context';
import { errorCodeForSqlite } from './sqlite-errors';

export type HandlerImpl<N extends HandlerName> = (
  ctx: HandlerContext,
  input: ParsedInputOf<N>,
) => Result<OutputOf<N>> | Promise<Result<OutputOf<N>>>;

export type HandlerImpls = { [N in HandlerName]?: HandlerImpl<N> };

export interface InternalFailure {
  reference: string;
  handler: string;
  error: unknown;
}

/**
 * Binds each contract name to one implementation and is the single gate every call passes:
 * known name → caller's role → input schema → handler → error values only.
 */
export class Registry {
  private readonly impls = new Map<HandlerName, HandlerImpl<HandlerName>>();

  constructor(private readonly onInternalFailure: (failure: InternalFailure) => void) {}

  register(impls: HandlerImpls): void {
    for (const name of Object.keys(impls) as HandlerName[]) {
      if (this.impls.has(name)) throw new Error(`Handler "${name}" is registered twice`);
      if (!isHandlerName(name)) throw new Error(`Handler "${name}" is not in the contract`);
      this.impls.set(name, impls[name] as HandlerImpl<HandlerName>);
    }
  }

  /** Every name in the contract must have an implementation: a gap is a start-up error, not a runtime surprise. */
  assertComplete(): void {
    const missing = Object.keys(contract).filter((name) => !this.impls.has(name as HandlerName));
    if (missing.length > 0) throw new Error(`Handlers without an implementation: ${missing.join(', ')}`);
  }

  /** `origin`: the window or tab that called, echoed in the data-changed event a write sends. */
  async call(ctx: HandlerContext, name: unknown, input: unknown, origin?: string): Promise<Result<unknown>> {
    if (!isHandlerName(name)) return err('UNKNOWN_HANDLER', { name: typeof name === 'string' ? name.slice(0, 100) : '' });
    const spec = contract[name];
    if (!mayCall(ctx.session.role, spec.access)) return err('FORBIDDEN', { required: 'owner' });
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return err('VALIDATION_FAILED', { issues: toFieldIssues(parsed.error, input) });
    const impl = this.impls.get(name);
    if (impl === undefined) return err('UNKNOWN_HANDLER', { name });
    let result: Result<unknown>;
    try {
      result = await impl(ctx, parsed.data as never);
    } catch (caught) {
      return this.failure(name, caught);
    }
    if (result.ok && spec.mutates) ctx.events.emit('data-changed', origin === undefined ? { handler: name } : { handler: name, origin });
    return result;
  }

  private failure(handler: string, caught: unknown): { ok: false; error: AppError } {
    const code = errorCodeForSqlite(caught);
    if (code === 'BOOK_CORRUPT') return err(code, { reason: 'sqlite' });
    if (code !== null) return err(code);
    const reference = randomUUID().slice(0, 8);
    this.onInternalFailure({ reference, handler, error: caught });
    return err('INTERNAL', { reference });
  }
}
