import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { menuCommands, restoreRouteFor, type MenuCommand } from '../../../shared/contract/shell';
import { transport } from '../api/transport';
import { requestFocus } from './focus-requests';

/** Keys that trigger the same commands as the desktop menu. Ctrl+N is the browser's own, so Alt+N too. */
const shortcutFor = (event: KeyboardEvent, desktopMenuHandlesCtrl: boolean): MenuCommand | null => {
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl && !event.altKey && !desktopMenuHandlesCtrl) {
    if (event.key === 'f') return 'find';
    if (event.key === 'l') return 'log-visit';
    if (event.key === ',') return 'settings';
    if (event.key === '1') return 'customers';
    if (event.key === '2') return 'counter';
  }
  if (event.altKey && !ctrl) {
    if (event.code === 'KeyN') return 'new-customer';
    if (event.code === 'KeyL') return 'log-visit';
  }
  return null;
};

/** Menu items and shortcuts lead to the same places, in both the desktop app and browser mode. */
export const useCommands = (): void => {
  const navigate = useNavigate();
  useEffect(() => {
    const run = (command: MenuCommand) => {
      switch (command) {
        case 'find':
          navigate('/customers');
          setTimeout(() => requestFocus('find'), 0);
          break;
        case 'new-customer':
          navigate('/customers/new');
          break;
        case 'log-visit':
          navigate('/counter');
          setTimeout(() => requestFocus('log-visit'), 0);
          break;
        case 'settings':
          navigate('/settings');
          break;
        case 'today':
          navigate('/today');
          break;
        case 'customers':
          navigate('/customers');
          break;
        case 'counter':
          navigate('/counter');
          break;
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const command = shortcutFor(event, transport.kind === 'electron');
      if (command) {
        event.preventDefault();
        run(command);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const stopMenu = transport.on('menu-command', (payload) => {
      const command = (payload as { command?: unknown }).command;
      if (menuCommands.includes(command as MenuCommand)) run(command as MenuCommand);
    });
    const stopOpenBackup = transport.on('open-backup', (payload) => {
      const file = (payload as { path?: unknown }).path;
      if (typeof file === 'string') navigate(restoreRouteFor(file));
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu();
      stopOpenBackup();
    };
  }, [navigate]);
};
