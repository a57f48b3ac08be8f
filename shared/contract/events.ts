import type { DueSummary } from './reminders';
import type { JobKind, JobProgress } from './jobs';

/** Events the core pushes to the renderer (Electron: webContents.send; browser mode: the event stream). */
export interface CoreEvents {
  /**
   * A handler changed the book; views showing data refresh. `origin`: the window or browser tab whose
   * call made the change (absent for the core's own work: a new day, an automatic backup). That window
   * refreshed when its call answered, so it skips the event; every other window refreshes on it.
   */
  'data-changed': { handler: string; origin?: string };
  /** What is due, at start and when the shop's day turns over, for the desktop notification. */
  'reminders-due': DueSummary;
  /** A long job moved on; progress bars follow it. */
  'job-progress': JobProgress;
  /** A long job ended (its caller gets the result as the handler's answer). */
  'job-finished': { jobId: string; kind: JobKind; ok: boolean };
}
export type CoreEventName = keyof CoreEvents;

/** A call's origin as the renderer sent it (a short id); anything else counts as none. */
export const originOf = (origin: unknown): string | undefined =>
  typeof origin === 'string' && origin.length > 0 && origin.length <= 64 ? origin : undefined;
export const coreEventNames: readonly CoreEventName[] = ['data-changed', 'reminders-due', 'job-progress', 'job-finished'];
