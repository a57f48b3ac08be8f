/** Events the core pushes to the renderer (Electron: webContents.send; browser mode: the event stream). */
export interface CoreEvents {
  /** A handler changed the book; views showing data refresh. */
  'data-changed': { handler: string };
}
export type CoreEventName = keyof CoreEvents;
export const coreEventNames: readonly CoreEventName[] = ['data-changed'];
