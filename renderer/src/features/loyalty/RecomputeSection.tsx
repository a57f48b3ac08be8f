import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { useIsOwner } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { useJobProgress } from '../jobs/useJobProgress';

const phases = ['start', 'customers', 'month-figures', 'reminders', 'done'] as const;
type Phase = (typeof phases)[number];
const isPhase = (phase: string): phase is Phase => (phases as readonly string[]).includes(phase);

/**
 * The full derived pass on demand (loyalty-recompute): it runs as a job off the counter's thread,
 * its bar moving step by step; the counter keeps searching and logging visits meanwhile. Also shown while the
 * pass after a change of the tier rules runs.
 */
export const RecomputeSection = () => {
  const owner = useIsOwner();
  const { t } = useTranslation('loyalty');
  const toast = useToast();
  const recompute = useApiMutation('loyalty-recompute');
  const { progress } = useJobProgress(['recompute']);
  if (!owner) return null;
  const run = async () => {
    const result = await recompute.mutateAsync({});
    if (result.ok) toast({ tone: 'success', text: t('settings.recomputed', { count: result.value.customers }) });
  };
  return (
    <section className="card" aria-labelledby="recompute-title">
      <h2 id="recompute-title">{t('settings.recompute')}</h2>
      <p className="muted">{t('settings.recomputeIntro')}</p>
      {progress ? (
        <ProgressBar phase={t(`settings.phase.${isPhase(progress.phase) ? progress.phase : 'start'}`)} done={progress.done} total={progress.total} />
      ) : (
        <button type="button" className="button" disabled={recompute.isPending} onClick={() => void run()}>
          {t('settings.recompute')}
        </button>
      )}
      {recompute.data && !recompute.data.ok && <ErrorNotice error={recompute.data.error} />}
    </section>
  );
};
