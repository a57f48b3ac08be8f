import type { DueSummary } from './reminders';
import type { JobKind, JobProgress } from './jobs';

/** Events the core pushes to the renderer (Electron: webContents.send; browser mode: the event stream). */
export interface CoreEvents {
  /** A handler changed the book; views showing data refresh. */
  'data-changed': { handler: string };
  /** What is due, at start and when the shop's day turns over, for the desktop notification. */
  'reminders-due': DueSummary;
  /** A long job moved on; progress bars follow it. */
  'job-progress': JobProgress;
  /** A long job ended (its caller gets the result as the handler's answer). */
  'job-finished': { jobId: string; kind: JobKind; ok: boolean };
}
export type CoreEventName = keyof CoreEvents;
export const coreEventNames: readonly CoreEventName[] = ['data-changed', 'reminders-due', 'job-progress', 'job-finished'];
