import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeviceSummary, Invitation, QrModules, SyncStatus } from '../../../../shared/contract/devices';
import type { AppError } from '../../../../shared/errors';
import { api } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useIsOwner } from '../../app/session';
import { requestUnlock } from '../../app/unlock-requests';
import { Dialog } from '../../components/Dialog';
import { InlinePanel } from '../../components/InlinePanel';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { FolderField } from '../files/FolderField';
import { useJobProgress } from '../jobs/useJobProgress';
import './devices.css';

/** Settings → Devices (owner only): share this book, join one, the shared folder, the shop's network and syncing, the devices. */
export const DevicesPage = () => {
  const { t } = useTranslation(['devices', 'common']);
  const owner = useIsOwner();
  const status = useApi('sync-status', {});
  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);
  return (
    <section className="page devices" aria-labelledby="devices-title">
      <header className="page-header">
        <h1 id="devices-title">{t('title')}</h1>
        <Link to="/settings">{t('backToSettings')}</Link>
      </header>
      {!owner && (
        <p className="notice notice-warning" role="note">
          {t('ownerOnly')}
          <button type="button" className="button" onClick={requestUnlock}>
            {t('unlock')}
          </button>
        </p>
      )}
      {owner && status.data && (
        <>
          {status.data.shared && <FolderSection status={status.data} />}
          {status.data.shared && !status.data.awaitingBook && <NetworkSection status={status.data} />}
          {/* Keyed by the address served: an invitation shown before serving started (or stopped) is made again. */}
          {!status.data.awaitingBook && <ShareSection key={status.data.serving?.address ?? ''} />}
          {!status.data.shared && <JoinSection />}
          {status.data.shared && !status.data.awaitingBook && <DeviceList />}
        </>
      )}
    </section>
  );
};

const ShareSection = () => {
  const { t } = useTranslation('devices');
  const toast = useToast();
  const invite = useApiMutation('devices-invite');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const make = async () => {
    const result = await invite.mutateAsync({});
    if (!result.ok) return setError(result.error);
    setError(null);
    setInvitation(result.value);
  };
  return (
    <section className="card" aria-labelledby="share-title">
      <h2 id="share-title">{t('share.title')}</h2>
      <p className="field-hint">{t('share.hint')}</p>
      <ErrorNotice error={error} />
      {invitation === null ? (
        <button type="button" className="button button-primary" disabled={invite.isPending} onClick={() => void make()}>
          {t('share.make')}
        </button>
      ) : (
        <div className="invitation">
          <div className="invitation-code">
            <Field label={t('share.code')}>
              <textarea readOnly rows={3} value={invitation.code} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
            </Field>
            <button
              type="button"
              className="button"
              onClick={() => void navigator.clipboard?.writeText(invitation.code).then(() => toast({ tone: 'success', text: t('share.copied') }))}
            >
              {t('share.copy')}
            </button>
            <p className="field-hint invitation-address">{invitation.address === null ? t('share.noAddress') : t('share.address', { address: invitation.address })}</p>
            <p className="notice notice-warning" role="note">
              {t('share.warning')}
            </p>
          </div>
          <QrCode modules={invitation.qr} label={t('share.qr')} />
        </div>
      )}
    </section>
  );
};

/** The QR code drawn as one SVG path of dark modules, with the quiet zone the standard asks for. */
const QrCode = ({ modules, label }: { modules: QrModules; label: string }) => {
  const quiet = 4;
  const path = modules.rows
    .flatMap((row, y) => [...row].flatMap((cell, x) => (cell === '1' ? [`M${x + quiet} ${y + quiet}h1v1h-1z`] : [])))
    .join('');
  const side = modules.size + quiet * 2;
  return (
    <svg className="qr-code" role="img" aria-label={label} viewBox={`0 0 ${side} ${side}`} shapeRendering="crispEdges">
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
};

const JoinSection = () => {
  const { t } = useTranslation('devices');
  const toast = useToast();
  const join = useApiMutation('devices-join');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await join.mutateAsync(name.trim() === '' ? { code } : { code, name: name.trim() });
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: result.value.peer === null ? t('join.joined') : t('join.joinedPeer', { address: result.value.peer }) });
  };
  return (
    <form className="card" aria-labelledby="join-title" onSubmit={(event) => void submit(event)}>
      <h2 id="join-title">{t('join.title')}</h2>
      <p className="field-hint">{t('join.hint')}</p>
      <ErrorNotice error={error} />
      <Field label={t('join.code')}>
        <textarea rows={3} value={code} spellCheck={false} onChange={(event) => setCode(event.target.value)} />
      </Field>
      <Field label={t('join.name')} hint={t('join.nameHint')}>
        <input type="text" value={name} maxLength={80} autoComplete="off" onChange={(event) => setName(event.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={join.isPending || code.trim() === ''}>
          {t('join.submit')}
        </button>
      </div>
    </form>
  );
};

const FolderSection = ({ status }: { status: SyncStatus }) => {
  const { t } = useTranslation('devices');
  const toast = useToast();
  const format = useFormat();
  const describe = useDescribeError();
  const setFolder = useApiMutation('sync-folder-set');
  const [folder, setFolderDraft] = useState(status.folder);
  const [error, setError] = useState<AppError | null>(null);
  const [syncing, setSyncing] = useState(false);
  const { progress } = useJobProgress(['sync']);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await setFolder.mutateAsync({ folder });
    if (!result.ok) return setError(result.error);
    setError(null);
    // The core keeps the folder as a full path without a trailing separator: show what it kept.
    setFolderDraft(result.value.folder);
    // Kept either way (a USB stick is often out when the folder is chosen), but said when it cannot be reached now.
    toast(result.value.folderReachable || result.value.folder === '' ? { tone: 'success', text: t('folder.saved') } : { tone: 'warning', text: t('folder.savedUnreachable') });
  };
  // Not a mutation: the sync announces its one change itself when it ends, and every view refreshes then.
  const syncNow = async () => {
    setSyncing(true);
    const result = await api('sync-now', {});
    setSyncing(false);
    if (!result.ok) return toast({ tone: 'error', text: describe(result.error) });
    toast({ tone: 'success', text: t(status.awaitingBook ? 'folder.fetched' : 'folder.synced') });
  };
  const phase = progress?.phase ?? 'start';
  const peer = status.peer;
  return (
    <section className="card" aria-labelledby="folder-title">
      <h2 id="folder-title">{t(peer === null ? 'folder.title' : 'folder.syncTitle')}</h2>
      {peer !== null && <p className="sync-peer">{t('folder.peer', { address: peer })}</p>}
      <p className="field-hint">{t('folder.hint')}</p>
      {status.awaitingBook && (
        <p className="notice notice-info" role="note">
          {peer === null ? t('folder.awaiting') : t('folder.awaitingPeer', { address: peer })}
        </p>
      )}
      <form onSubmit={(event) => void save(event)}>
        <ErrorNotice error={error} />
        <FolderField label={t('folder.label')} value={folder} onChange={setFolderDraft} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={setFolder.isPending || folder === status.folder}>
            {t('folder.save')}
          </button>
          <button type="button" className="button button-primary" disabled={syncing || status.syncing || (status.folder === '' && peer === null) || folder !== status.folder} onClick={() => void syncNow()}>
            {t(status.awaitingBook ? 'folder.fetch' : 'folder.syncNow')}
          </button>
        </div>
      </form>
      {(syncing || status.syncing) && <ProgressBar phase={t(`phases.${phase as 'start'}`, { defaultValue: t('phases.start') })} done={progress?.done ?? 0} total={progress?.total ?? 0} />}
      <p className="sync-last">{status.lastSyncedAt === null ? t('folder.neverSynced') : t('folder.lastSynced', { time: format.dateTime(status.lastSyncedAt) })}</p>
      {status.lastError !== null && !syncing && (
        <p className="notice notice-error" role="alert">
          {describe(status.lastError)}
        </p>
      )}
      <p className="field-hint">{t(peer === null ? 'folder.automatic' : 'folder.automaticPeer')}</p>
    </section>
  );
};

/** Serving the book on the shop's network from this computer while the app runs: the address, or why not, and turning it on or off. */
const NetworkSection = ({ status }: { status: SyncStatus }) => {
  const { t } = useTranslation('devices');
  const toast = useToast();
  const describe = useDescribeError();
  const serve = useApiMutation('sync-serve-set');
  const [error, setError] = useState<AppError | null>(null);
  const change = async (serving: boolean) => {
    const result = await serve.mutateAsync({ serving });
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: t(serving ? 'network.started' : 'network.stopped') });
  };
  // Asked for but not serving (the port taken when the app started): the reason, and a way to try again.
  const failure = error ?? (status.serving === null ? status.serveError : null);
  return (
    <section className="card" aria-labelledby="network-title">
      <h2 id="network-title">{t('network.title')}</h2>
      <p className="field-hint">{t('network.hint')}</p>
      {failure !== null && (
        <p className="notice notice-error" role="alert">
          {describe(failure)}
        </p>
      )}
      {status.serving === null ? (
        <>
          <p className="sync-serving">{t('network.off')}</p>
          <button type="button" className="button button-primary" disabled={serve.isPending} onClick={() => void change(true)}>
            {t(status.serveWanted ? 'network.retry' : 'network.start')}
          </button>
        </>
      ) : (
        <>
          <p className="sync-serving" role="status">
            {t('network.serving', { address: status.serving.address })}
          </p>
          <p className="field-hint">{t('network.invite')}</p>
          <button type="button" className="button" disabled={serve.isPending} onClick={() => void change(false)}>
            {t('network.stop')}
          </button>
        </>
      )}
    </section>
  );
};

const DeviceList = () => {
  const { t } = useTranslation('devices');
  const format = useFormat();
  const devices = useApi('devices-list', {});
  const [removing, setRemoving] = useState<DeviceSummary | null>(null);
  const [renaming, setRenaming] = useState(false);
  if (!devices.data) return null;
  return (
    <section className="card" aria-labelledby="devices-list-title">
      <h2 id="devices-list-title">{t('list.title')}</h2>
      {devices.data.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <table className="device-list">
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.joined')}</th>
              <th scope="col" title={t('list.lastSyncedHint')}>
                {t('list.lastSynced')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('list.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((device) => (
              <tr key={device.id} className={device.removedAt === null ? undefined : 'device-removed'}>
                <td>
                  {device.thisDevice && renaming ? (
                    <RenameForm device={device} onDone={() => setRenaming(false)} />
                  ) : (
                    <>
                      <span className="device-name">{device.name}</span>
                      {device.thisDevice && <span className="badge">{t('list.thisDevice')}</span>}
                      {device.removedAt !== null && <span className="badge badge-muted">{t('list.removed', { date: format.date(device.removedAt) })}</span>}
                    </>
                  )}
                </td>
                <td>{format.date(device.joinedAt)}</td>
                <td>{device.lastSyncedAt === null ? t('list.never') : format.dateTime(device.lastSyncedAt)}</td>
                <td className="device-actions">
                  {device.thisDevice && !renaming && (
                    <button type="button" className="button" onClick={() => setRenaming(true)}>
                      {t('list.rename')}
                    </button>
                  )}
                  {!device.thisDevice && device.removedAt === null && (
                    <button type="button" className="button button-danger-quiet" onClick={() => setRemoving(device)}>
                      {t('list.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing !== null && <RemoveDialog device={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
};

const RenameForm = ({ device, onDone }: { device: DeviceSummary; onDone: () => void }) => {
  const { t } = useTranslation('devices');
  const toast = useToast();
  const rename = useApiMutation('devices-rename');
  const [name, setName] = useState(device.name);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rename.mutateAsync({ id: device.id, name });
    if (!result.ok) return setError(result.error);
    toast({ tone: 'success', text: t('list.renamed') });
    onDone();
  };
  return (
    // Escape leaves the name as it was, as Enter saves it.
    <InlinePanel onClose={onDone}>
      <form className="rename-device" onSubmit={(event) => void submit(event)}>
        <ErrorNotice error={error} />
        <Field label={t('list.renameLabel')}>
          <input value={name} maxLength={80} autoFocus onChange={(event) => setName(event.target.value)} />
        </Field>
        <button type="submit" className="button button-primary" disabled={rename.isPending || name.trim() === ''}>
          {t('list.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('list.cancel')}
        </button>
      </form>
    </InlinePanel>
  );
};

/** Says exactly what removing does today and what it does not; the core's one removal function does it. */
const RemoveDialog = ({ device, onClose }: { device: DeviceSummary; onClose: () => void }) => {
  const { t } = useTranslation('devices');
  const toast = useToast();
  const describe = useDescribeError();
  const remove = useApiMutation('devices-remove');
  const confirm = async () => {
    const result = await remove.mutateAsync({ id: device.id });
    if (!result.ok) return toast({ tone: 'error', text: describe(result.error) });
    toast({ tone: 'success', text: t('remove.removed', { name: device.name }) });
    onClose();
  };
  return (
    <Dialog title={t('remove.title', { name: device.name })} onClose={onClose} className="dialog-danger">
      <p>{t('remove.does')}</p>
      <p>{t('remove.network')}</p>
      <p>{t('remove.doesNot')}</p>
      <div className="form-actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('list.cancel')}
        </button>
        <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => void confirm()}>
          {t('remove.confirm')}
        </button>
      </div>
    </Dialog>
  );
};
