import type { DueSummary } from './reminders';

/** Events the core pushes to the renderer (Electron: webContents.send; browser mode: the event stream). */
export interface CoreEvents {
  /** A handler changed the book; views showing data refresh. */
  'data-changed': { handler: string };
  /** What is due, at start and when the shop's day turns over, for the desktop notification. */
  'reminders-due': DueSummary;
}
export type CoreEventName = keyof CoreEvents;
export const coreEventNames: readonly CoreEventName[] = ['data-changed', 'reminders-due'];
