/** Commands the desktop menu sends to the renderer; in browser mode the same keys trigger them. */
export const menuCommands = ['find', 'new-customer', 'log-visit', 'settings', 'today', 'customers', 'counter'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export interface ShellEvents {
  'menu-command': { command: MenuCommand };
  /** The owner opened a backup file from the file manager (double-click, "Open with"): offer to restore it. */
  'open-backup': { path: string };
}

/** Where the Data screen offers to restore a given backup file. */
export const restoreRouteFor = (file: string): string => `/data?restore=${encodeURIComponent(file)}`;
