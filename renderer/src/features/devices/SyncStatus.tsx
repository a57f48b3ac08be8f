import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useDescribeError } from '../../components/ErrorNotice';
import { useJobProgress } from '../jobs/useJobProgress';

/**
 * The shared book's sync, small and always in the shell while the book is shared: one line for
 * where the sync stands (syncing, failed, folder not reachable, synced when) and one for each thing
 * to know (sharing on the shop's network or not, changes waiting to be sent, a device not heard from). A click opens Settings → Devices.
 * A book never shared shows nothing.
 */
export const SyncStatus = () => {
  const { t } = useTranslation('devices');
  const format = useFormat();
  const describe = useDescribeError();
  const status = useApi('sync-status', {});
  const { progress } = useJobProgress(['sync']);
  const data = status.data;
  if (!data?.shared) return null;
  const syncing = data.syncing || progress !== null;
  // Today's sync by its time; an older one with its date.
  const syncedAt = (iso: string) => (format.localDayOf(iso) === format.localDayOf(new Date().toISOString()) ? format.time(iso) : format.dateTime(iso));
  const state = (() => {
    if (syncing) return { tone: 'busy', text: t('status.syncing') };
    if (data.awaitingBook) return { tone: 'warning', text: t('status.awaiting') };
    // A device that syncs with the serving device, or serves the book itself, needs no folder.
    const overNetwork = data.peer !== null || data.serving !== null;
    if (data.folder === '' && !overNetwork) return { tone: 'warning', text: t('status.noFolder') };
    if (data.folder !== '' && !data.folderReachable && !overNetwork) return { tone: 'warning', text: t('status.unreachable') };
    if (data.lastError !== null) return { tone: 'error', text: t('status.failed'), detail: describe(data.lastError) };
    if (data.lastSyncedAt === null) return { tone: 'warning', text: t('status.never') };
    return { tone: 'ok', text: t('status.synced', { time: syncedAt(data.lastSyncedAt) }) };
  })();
  return (
    <NavLink to="/settings/devices" className={`sync-status sync-status-${state.tone}`} title={t('status.label')}>
      <span className="sync-status-state" role="status">
        {state.text}
      </span>
      {state.detail && <span className="sync-status-line">{state.detail}</span>}
      {data.serving !== null && <span className="sync-status-line">{t('status.serving')}</span>}
      {data.serveWanted && data.serving === null && <span className="sync-status-line">{t('status.serveFailed')}</span>}
      {data.waitingChanges > 0 && <span className="sync-status-line">{t('status.waiting', { count: data.waitingChanges })}</span>}
      {data.quietDevices.map((device) => (
        <span key={device.id} className="sync-status-line">
          {t('status.quiet', { name: device.name })}
        </span>
      ))}
    </NavLink>
  );
};
