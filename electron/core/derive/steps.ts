import type { HandlerContext } from '../context';
import { finishGenerationInSteps, generateReminders, remindersStale } from '../reminders';
import { figureBases, writeBases } from './bases';
import { allCustomerIds } from './customers-queries';
import { deriveEnvironment } from './environment';
import { derivedFigures } from './figures';
import type { CustomerChunk } from './scope';

type DeriveContext = Pick<HandlerContext, 'db' | 'now'>;

/** What a step brings up to date, for the progress bar: each is named in the renderer's catalogue. */
export type PassPhase = 'start' | 'customers' | 'month-figures' | 'reminders';

export interface PassStep {
  phase: PassPhase;
  /** Runs in the caller's transaction: the worker gives each step its own short one. */
  run(): void;
}

/**
 * Customers brought up to date per step. A step is one short transaction (tens of milliseconds
 * on the full book), so a visit logged at the counter meanwhile waits that long, not the pass.
 */
export const customersPerStep = 1_000;

/** Whether a catch-up has anything to do: a figure whose basis moved, or reminders made for another day or rules. */
export const catchUpDue = (ctx: DeriveContext): boolean => {
  const environment = deriveEnvironment(ctx.db, ctx.now());
  return figureBases(ctx.db, environment).firstBehind !== -1 || remindersStale(ctx, environment.reminders);
};

/**
 * The derived pass as short steps, so the counter's writes get in between. Each step is correct
 * on its own: it reads the facts as they are when it runs, and a write made between two steps
 * brings its own customers up to date (derive/index.ts afterWrite) — before their chunk, the chunk
 * reads the new facts; after it, the write's update is what the chunk would have made. So the book
 * ends as a full rebuild would leave it (the derive property checks it: steps == rebuild).
 *
 * 'full' makes every figure anew; 'catch-up' starts at the first figure whose basis (rules, zone,
 * day) changed, and when none did makes the reminders again only if they are stale. Answers no
 * steps when there is nothing to do.
 */
export const passInSteps = (ctx: DeriveContext, pass: 'full' | 'catch-up', chunkSize = customersPerStep): PassStep[] => {
  const { db } = ctx;
  const environment = deriveEnvironment(db, ctx.now());
  const bases = figureBases(db, environment);
  const first = pass === 'full' ? 0 : bases.firstBehind;
  if (first === -1 && !remindersStale(ctx, environment.reminders)) return [];
  const figures = first === -1 ? [] : derivedFigures.slice(first);
  const steps: PassStep[] = [
    {
      phase: 'start',
      run: () => {
        for (const figure of figures) figure.beginSteps?.(db, environment, bases.behind(figure));
      },
    },
  ];
  const ids = allCustomerIds(db);
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize);
    const range: CustomerChunk = { first: chunk[0] ?? '', last: chunk[chunk.length - 1] ?? '' };
    steps.push({
      phase: 'customers',
      run: () => {
        for (const figure of figures) {
          if (figure.rebuildChunk) figure.rebuildChunk(db, range, environment);
          else figure.update(db, chunk, environment);
        }
        generateReminders(ctx, { customerIds: chunk }, environment.reminders);
      },
    });
  }
  for (const figure of figures) for (const run of figure.bookSteps?.(db, environment) ?? []) steps.push({ phase: 'month-figures', run });
  steps.push({
    phase: 'reminders',
    run: () => {
      finishGenerationInSteps(ctx, environment.reminders);
      writeBases(db, bases.wanted);
    },
  });
  return steps;
};
