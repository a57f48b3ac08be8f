import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/contract/backup';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { BackupSettingsForm } from './BackupSettingsForm';
import { fileNameOf, useFormatBytes } from './format';
import { useJobProgress } from '../jobs/useJobProgress';

const phaseKeys = ['start', 'snapshot', 'verify', 'write', 'unlock', 'check'] as const;

/** Backup now, the last good backup, recent attempts (failures included) and the backup settings. */
export const BackupSection = ({ status }: { status: BackupStatus }) => {
  const { t } = useTranslation('data');
  const format = useFormat();
  const bytes = useFormatBytes();
  const describe = useDescribeError();
  const toast = useToast();
  const create = useApiMutation('backup-create');
  const { progress } = useJobProgress(['backup']);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const { settings, lastGood, recent } = status;
  const needsPassphrase = settings.encrypt && settings.passphraseKept === 'none';
  const phase = (name: string) => t(`backup.phases.${(phaseKeys as readonly string[]).includes(name) ? (name as (typeof phaseKeys)[number]) : 'start'}`);

  const backUpNow = async () => {
    setError(null);
    const result = await create.mutateAsync({ passphrase: needsPassphrase ? passphrase : null });
    if (!result.ok) return setError(result.error);
    setPassphrase('');
    toast({ tone: 'success', text: t('backup.done', { file: fileNameOf(result.value.file) }) });
  };

  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      {lastGood ? (
        <p className="backup-last-good">
          <strong>{t('backup.lastGood', { when: `${format.relativeDay(lastGood.finishedAt)} ${format.time(lastGood.finishedAt)}` })}</strong>
          <br />
          <span className="muted">
            {t('backup.lastGoodDetail', { file: fileNameOf(lastGood.file), size: bytes(lastGood.sizeBytes), encrypted: lastGood.encrypted ? t('backup.encryptedSuffix') : '' })}
          </span>
        </p>
      ) : (
        <p className="empty-state">{t('backup.never')}</p>
      )}
      {settings.folder === '' && <p className="field-hint">{t('backup.noFolder')}</p>}
      <div className="inline-form">
        {needsPassphrase && (
          <Field label={t('backup.passphraseForThis')} hint={t('backup.passphraseForThisHint')}>
            <input type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </Field>
        )}
        <button type="button" className="button button-primary" disabled={create.isPending || settings.folder === ''} onClick={() => void backUpNow()}>
          {create.isPending ? t('backup.working') : t('backup.now')}
        </button>
      </div>
      {create.isPending && progress && <ProgressBar phase={phase(progress.phase)} done={progress.done} total={progress.total} />}
      <ErrorNotice error={error} />

      <h3>{t('backup.recent')}</h3>
      {recent.length === 0 ? (
        <p className="empty-state">{t('backup.noRuns')}</p>
      ) : (
        <ul className="backup-runs">
          {recent.map((run) => (
            <li key={run.id} className={run.ok ? 'run-ok' : 'run-failed'}>
              <span className={`badge ${run.ok ? 'badge-ok' : 'badge-failed'}`}>{run.ok ? t('backup.ok') : t('backup.failed')}</span>
              <span>{format.dateTime(run.finishedAt)}</span>
              <span className="muted">{t(`backup.started.${run.startedBy}`)}</span>
              <span className="path">{run.ok ? `${fileNameOf(run.file)} · ${bytes(run.sizeBytes)}` : run.failure ? describe(run.failure) : ''}</span>
            </li>
          ))}
        </ul>
      )}
      <BackupSettingsForm key={JSON.stringify(settings)} settings={settings} />
    </section>
  );
};
