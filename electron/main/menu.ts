import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract/shell';
import { menuMessages } from '../../shared/i18n/menu';
import type { Language } from '../../shared/locale';

/** The native menu with the usual items and shortcuts, in the app's language. */
export const buildMenu = (language: Language, send: (command: MenuCommand) => void, isMac: boolean): Menu => {
  const label = menuMessages[language];
  const command = (text: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label: text,
    accelerator,
    click: () => send(name),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: label.file,
      submenu: [
        command(label.newCustomer, 'CmdOrCtrl+N', 'new-customer'),
        command(label.logVisit, 'CmdOrCtrl+L', 'log-visit'),
        { type: 'separator' },
        command(label.settings, 'CmdOrCtrl+,', 'settings'),
        { type: 'separator' },
        { label: label.quit, role: 'quit' },
      ],
    },
    { label: label.edit, role: 'editMenu' },
    {
      label: label.view,
      submenu: [
        command(label.find, 'CmdOrCtrl+F', 'find'),
        command(label.today, 'CmdOrCtrl+T', 'today'),
        command(label.customers, 'CmdOrCtrl+1', 'customers'),
        command(label.counter, 'CmdOrCtrl+2', 'counter'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: label.window, role: 'windowMenu' },
    { label: label.help, role: 'help', submenu: [{ label: label.about, role: 'about' }] },
  ];
  return Menu.buildFromTemplate(template);
};
