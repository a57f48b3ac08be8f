/** Commands the desktop menu sends to the renderer; in browser mode the same keys trigger them. */
export const menuCommands = ['find', 'new-customer', 'log-visit', 'settings', 'today', 'customers', 'counter'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export interface ShellEvents {
  'menu-command': { command: MenuCommand };
}
