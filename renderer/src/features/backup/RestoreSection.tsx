import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { BackupContents, BackupStatus, PreparedRestore, RestoreRecord } from '../../../../shared/contract/backup';
import type { FileSource } from '../../../../shared/contract/files';
import type { AppError } from '../../../../shared/errors';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { FileChooser } from '../files/FileChooser';
import { fileNameOf, useDescribeCounts, useFormatBytes } from './format';
import { useJobProgress } from '../jobs/useJobProgress';

type Step = { kind: 'idle' } | { kind: 'chosen'; source: FileSource; contents: BackupContents } | { kind: 'prepared'; prepared: PreparedRestore };

const phaseKeys = ['start', 'snapshot', 'verify', 'write', 'unlock', 'check'] as const;

/** Pick a backup → see what it says it holds → check it (passphrase) → see what it really holds → replace; undo afterwards. */
export const RestoreSection = ({ status }: { status: BackupStatus }) => {
  const { t } = useTranslation('data');
  const format = useFormat();
  const counts = useDescribeCounts();
  const bytes = useFormatBytes();
  const toast = useToast();
  const folderBackups = useApi('backup-list', { folder: null }, { enabled: status.settings.folder !== '' });
  const read = useApiMutation('restore-read');
  const prepare = useApiMutation('restore-prepare');
  const confirm = useApiMutation('restore-confirm');
  // On a shared book the restore does not take the other devices back: the owner is told so before confirming.
  const sharing = useApi('sync-status', {});
  const undo = useApiMutation('restore-undo');
  const { progress, cancel } = useJobProgress(['restore-check', 'backup']);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const busy = read.isPending || prepare.isPending || confirm.isPending || undo.isPending;
  const phase = (name: string) => t(`backup.phases.${(phaseKeys as readonly string[]).includes(name) ? (name as (typeof phaseKeys)[number]) : 'start'}`);

  const choose = async (source: FileSource) => {
    setError(null);
    setPassphrase('');
    const result = await read.mutateAsync({ source });
    if (!result.ok) return setError(result.error);
    setStep({ kind: 'chosen', source, contents: result.value });
  };

  const check = async (source: FileSource) => {
    setError(null);
    const result = await prepare.mutateAsync({ source, passphrase: passphrase === '' ? null : passphrase });
    if (!result.ok) return setError(result.error);
    setStep({ kind: 'prepared', prepared: result.value });
  };

  const replace = async (prepared: PreparedRestore) => {
    setError(null);
    const result = await confirm.mutateAsync({ preparedId: prepared.preparedId });
    if (!result.ok) return setError(result.error);
    setStep({ kind: 'idle' });
    toast({ tone: 'success', text: t('restore.done', { file: prepared.contents.fileName }) });
  };

  // A backup opened from the file manager arrives as ?restore=PATH: read it as if it had been picked here.
  const [searchParams, setSearchParams] = useSearchParams();
  const opened = searchParams.get('restore');
  const sectionRef = useRef<HTMLElement>(null);
  const readOpened = useEffectEvent((file: string) => {
    setSearchParams({}, { replace: true });
    return choose({ kind: 'path', path: file });
  });
  useEffect(() => {
    if (opened === null) return;
    sectionRef.current?.scrollIntoView({ block: 'start' });
    void Promise.resolve(opened).then(readOpened);
  }, [opened]);

  const last = status.lastRestore;
  // The last swap may itself have been an undo: swapping again puts that restore back.
  const undid = last?.kind === 'undo';
  const undoLast = async () => {
    setError(null);
    const result = await undo.mutateAsync({});
    if (!result.ok) return setError(result.error);
    toast({ tone: 'success', text: undid ? t('restore.redone') : t('restore.undone') });
  };
  const lastSentence = (record: RestoreRecord): string => {
    const when = format.dateTime(record.restoredAt);
    if (record.kind === 'restore' || record.of === null) return t('restore.lastRestore', { file: fileNameOf(record.sourceFile), when });
    return record.kind === 'undo' ? t('restore.lastUndo', { restored: format.dateTime(record.of), when }) : t('restore.lastRedo', { restored: format.dateTime(record.of), when });
  };

  return (
    <section className="card" aria-labelledby="restore-title" ref={sectionRef}>
      <h2 id="restore-title">{t('restore.title')}</h2>
      <p className="field-hint">{t('restore.intro')}</p>
      {last && last.undoneAt === null && (
        <div className="notice notice-info restore-undo">
          <span>{lastSentence(last)}</span>
          <button type="button" className="button" disabled={busy} title={undid ? t('restore.redoHint') : t('restore.undoHint')} onClick={() => void undoLast()}>
            {undid ? t('restore.redo') : t('restore.undo')}
          </button>
        </div>
      )}

      {step.kind === 'idle' && (
        <>
          {status.settings.folder !== '' && (
            <>
              <h3>{t('restore.inFolder')}</h3>
              {folderBackups.data?.length === 0 && <p className="empty-state">{t('restore.none')}</p>}
              {folderBackups.data && folderBackups.data.length > 0 && (
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('restore.made')}</th>
                      <th scope="col">{t('restore.holds')}</th>
                      <th scope="col">{t('restore.shop')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('restore.choose')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {folderBackups.data.slice(0, 20).map((backup) => (
                      <tr key={backup.file}>
                        <td>
                          {format.dateTime(backup.createdAt)}
                          <div className="muted path">
                            {backup.fileName} · {bytes(backup.sizeBytes)}
                            {backup.encrypted ? t('backup.encryptedSuffix') : ''}
                          </div>
                        </td>
                        <td>{counts(backup.counts)}</td>
                        <td>{backup.shopName}</td>
                        <td>
                          <button type="button" className="button" disabled={busy} onClick={() => void choose({ kind: 'path', path: backup.file })}>
                            {t('restore.choose')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
          <h3>{t('restore.other')}</h3>
          <FileChooser
            purpose="restore"
            accept=".regulars-backup"
            chooseLabel={t('restore.pickFile')}
            pathLabel={t('restore.orPath')}
            disabled={busy}
            onChosen={(source) => void choose(source)}
          />
        </>
      )}

      {step.kind === 'chosen' && (
        <div className="restore-step">
          <p>
            <strong>
              {t('restore.selected', {
                date: format.dateTime(step.contents.createdAt),
                version: step.contents.appVersion,
                shop: step.contents.shopName ? t('restore.shopSuffix', { shop: step.contents.shopName }) : '',
              })}
            </strong>
          </p>
          <p>{t('restore.says', { counts: counts(step.contents.counts) })}</p>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void check(step.source);
            }}
          >
            {step.contents.encrypted && (
              <Field label={t('restore.passphrase')} hint={t('restore.encrypted')}>
                <input type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
              </Field>
            )}
            <button type="submit" className="button button-primary" disabled={busy}>
              {prepare.isPending ? t('restore.checking') : t('restore.check')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setStep({ kind: 'idle' })}>
              {t('restore.cancel')}
            </button>
          </form>
        </div>
      )}

      {step.kind === 'prepared' && (
        <div className="restore-step">
          <p className="notice notice-success">{t('restore.verified')}</p>
          <p>{t('restore.compare', { current: counts(step.prepared.current.counts), restored: counts(step.prepared.contents.counts) })}</p>
          {sharing.data?.shared === true && <p className="notice">{t('restore.sharedBook')}</p>}
          <div className="inline-form">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void replace(step.prepared)}>
              {t('restore.confirm')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setStep({ kind: 'idle' })}>
              {t('restore.cancel')}
            </button>
          </div>
        </div>
      )}

      {busy && progress && <ProgressBar phase={phase(progress.phase)} done={progress.done} total={progress.total} onCancel={cancel} />}
      <ErrorNotice error={error} />
    </section>
  );
};
