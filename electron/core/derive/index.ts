import { ok, type Result } from '../../../shared/result';
import type { HandlerContext, Jobs } from '../context';
import { settleMissedPromises } from '../complaints';
import { joinTransaction } from '../db/transaction';
import { generateIfStale, generateReminders, remindersFollowCustomers } from '../reminders';
import { settleReward } from '../referrals';
import { figureBases, writeBases } from './bases';
import { countCustomersInBook, customersInBook } from './customers-queries';
import { deriveEnvironment, type DeriveEnvironment } from './environment';
import { derivedFigures } from './figures';
import { catchUpDue } from './steps';

/**
 * The one owner of derived data. Handlers record facts, then call `afterWrite` once, in the same
 * transaction, with the customers they touched: every figure in `derivedFigures` is brought up to
 * date for them in its declared order, then their reminders follow. `rebuildDerived` makes every
 * figure anew for the whole book; `catchUpDerived` does that from the first figure whose basis (rules,
 * zone, day) changed. Invariant, checked by property: the incremental state equals a full rebuild.
 */

type DeriveContext = Pick<HandlerContext, 'db' | 'now'>;

export interface WriteTouch {
  /** Customers whose facts the write changed (nulls, for walk-ins and complaints without a customer, are ignored). */
  customerIds: Iterable<string | null>;
  /**
   * The write added, archived, restored or moved visits: a referred customer's first qualifying
   * purchase earns (or no longer earns) their referrer a reward, so the referrers are touched too.
   */
  visitsChanged?: boolean;
  /** Reminder kinds whose reasons are not a customer's (a complaint's deadline): made anew for the whole book. */
  bookReminderKinds?: readonly string[];
}

/** Referral rewards follow the referred customers' purchases; answers the touched set with the referrers. */
const withRewardedReferrers = (ctx: DeriveContext, customerIds: Set<string>): Set<string> => {
  const at = ctx.now().toISOString();
  const all = new Set(customerIds);
  for (const customerId of customerIds) for (const referrer of settleReward(ctx.db, customerId, at)) all.add(referrer);
  return all;
};

/** Brings every derived figure and the reminders of the touched customers up to date; each customer once. */
export const afterWrite = (ctx: DeriveContext, touch: WriteTouch): void => {
  let customerIds = new Set<string>();
  for (const id of touch.customerIds) if (id !== null) customerIds.add(id);
  if (touch.visitsChanged) customerIds = withRewardedReferrers(ctx, customerIds);
  const environment = deriveEnvironment(ctx.db, ctx.now());
  if (customerIds.size > 0) {
    const ids = [...customerIds];
    for (const figure of derivedFigures) figure.update(ctx.db, ids, environment);
    remindersFollowCustomers(ctx, customersInBook(ctx.db, ids), environment.reminders);
  }
  for (const figure of derivedFigures) figure.afterEachWrite?.(ctx.db, environment);
  if (touch.bookReminderKinds !== undefined && touch.bookReminderKinds.length > 0) {
    generateReminders(ctx, { kinds: touch.bookReminderKinds }, environment.reminders);
  }
};

const rebuildFrom = (ctx: DeriveContext, first: number, environment: DeriveEnvironment, bulk = false): void => {
  const bases = figureBases(ctx.db, environment);
  for (const figure of derivedFigures.slice(first)) figure.rebuild(ctx.db, environment, bulk || bases.behind(figure));
  writeBases(ctx.db, bases.wanted);
};

export interface RebuildOptions {
  /**
   * After writes made in bulk, without the incremental passes (an import, the seed): what a new day
   * renews is renewed too (the money cut-offs are drawn again from the spending now in the book).
   */
  bulk?: boolean;
}

/** Every derived figure anew for the whole book, then every reminder; answers how many customers are in the book. */
export const rebuildDerived = (ctx: DeriveContext, options: RebuildOptions = {}): { customers: number } => {
  const environment = deriveEnvironment(ctx.db, ctx.now());
  return joinTransaction(ctx.db, () => {
    rebuildFrom(ctx, 0, environment, options.bulk);
    generateReminders(ctx, {}, environment.reminders);
    return { customers: countCustomersInBook(ctx.db) };
  });
};

/**
 * After facts another device recorded (sync): what a new day renews is renewed from the loyalty
 * figure on — the money cut-offs are drawn again from the spending now in the book — so devices
 * holding the same facts hold the same tiers, whenever each drew its cut-offs that day.
 */
export const renewAfterSharedFacts = (ctx: DeriveContext): void => {
  const environment = deriveEnvironment(ctx.db, ctx.now());
  const loyalty = derivedFigures.findIndex((figure) => figure.name === 'loyalty');
  joinTransaction(ctx.db, () => {
    rebuildFrom(ctx, loyalty, environment, true);
    generateReminders(ctx, {}, environment.reminders);
  });
};

/**
 * Rebuilds from the first figure whose basis changed since it was last made (a new day, another
 * zone, new rules, a newer rule version), and every figure after it; answers whether it did.
 */
export const catchUpDerived = (ctx: DeriveContext): boolean => {
  const environment = deriveEnvironment(ctx.db, ctx.now());
  const first = figureBases(ctx.db, environment).firstBehind;
  if (first === -1) return false;
  joinTransaction(ctx.db, () => rebuildFrom(ctx, first, environment));
  return true;
};

/**
 * At start, and when the shop's day turns: complaint promises missed meanwhile are recorded broken
 * (at their deadlines), the figures catch up with the day and any rule change, then the reminders.
 */
export const prepareDerived = (ctx: DeriveContext): void => {
  settleMissedPromises(ctx.db, ctx.now());
  if (catchUpDerived(ctx)) generateReminders(ctx);
  else generateIfStale(ctx);
};

/**
 * `prepareDerived` where there is a job worker (the desktop app, browser mode): the promises missed
 * meanwhile are settled here (a few rows), and the catch-up — a pass over the whole book every
 * morning — is the worker's pass in steps, so the app answers at once and its screens refresh when
 * the pass ends. When the runner cannot take it (a restore holds it), it runs here as before.
 */
export const prepareDerivedAside = async (ctx: DeriveContext, jobs: Pick<Jobs, 'run'>, bookFile: string): Promise<void> => {
  settleMissedPromises(ctx.db, ctx.now());
  // Most openings find the figures current: no worker is started for nothing while the app starts.
  if (!catchUpDue(ctx)) return;
  const pass = await jobs.run('recompute', { bookFile, now: ctx.now().toISOString(), pass: 'rules' }, { cancellable: false, background: true });
  if (!pass.ok) prepareDerived(ctx);
};

/**
 * Shop, reminder or loyalty rules changed: the figures they are a basis of are rebuilt (and every
 * figure after them), then every reminder follows the figures and the new rules. When no figure's
 * basis moved (a change of language or currency), the reminders are made again only if what they
 * were made under changed.
 */
export const afterRulesChanged = (ctx: DeriveContext): void => {
  joinTransaction(ctx.db, () => {
    if (catchUpDerived(ctx)) generateReminders(ctx);
    else generateIfStale(ctx);
  });
};

type RulesContext = DeriveContext & Pick<HandlerContext, 'data'>;

/**
 * After a handler committed new rules: the worker's recompute job catches up in short steps, so
 * the counter keeps answering and logging through a pass over the whole book. When someone else's
 * job holds the runner (a backup), the pass runs here as before rather than leaving the figures behind.
 */
export const rulesChangedInWorker = async (ctx: RulesContext): Promise<Result<unknown>> => {
  const pass = await ctx.data.jobs.run('recompute', { bookFile: ctx.data.bookFile, now: ctx.now().toISOString(), pass: 'rules' }, { cancellable: false });
  if (pass.ok || !(pass.error.code === 'INVALID_STATE' && pass.error.details.reason === 'job_running')) return pass;
  afterRulesChanged(ctx);
  return ok(null);
};

/**
 * The figures up to and including `last`, for the whole book, without reminders: for the seed,
 * which builds a book's history in stages and needs the activity and lapse days between them.
 */
export const rebuildDerivedThrough = (ctx: DeriveContext, last: string): void => {
  const environment = deriveEnvironment(ctx.db, ctx.now());
  const end = derivedFigures.findIndex((figure) => figure.name === last);
  for (const figure of derivedFigures.slice(0, end + 1)) figure.rebuild(ctx.db, environment, true);
};

/** A customer's activity, rhythm, lapse day and standing as last derived (the win-back judgement and standing read it). */
export { lapseRow, type DbLapseRow } from './lapse-queries';
export { recomputeDerived } from './job';
export { fitValueJob } from './value-fit-job';
export { customersPerStep, passInSteps, type PassPhase } from './steps';
