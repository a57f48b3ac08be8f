import { useTranslation } from 'react-i18next';

interface ProgressBarProps {
  /** What is happening now, already translated ("Checking the copy"). */
  phase: string;
  done: number;
  /** 0 when the amount of work is not known: the bar then moves without a percentage. */
  total: number;
  onCancel?: () => void;
}

/** A long task's progress, announced politely to screen readers, with Cancel where it is safe. */
export const ProgressBar = ({ phase, done, total, onCancel }: ProgressBarProps) => {
  const { t } = useTranslation('data');
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : null;
  const label = percent === null ? t('progress.indeterminate', { phase }) : t('progress.label', { phase, percent });
  return (
    <div className="progress">
      <div className="progress-label" aria-live="polite">
        {label}
      </div>
      <progress aria-label={label} max={100} value={percent ?? undefined} />
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('progress.cancel')}
        </button>
      )}
    </div>
  );
};
