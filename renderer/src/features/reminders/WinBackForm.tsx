import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderNoteLimit } from '../../../../shared/contract/reminders';
import { lostReasons, winBackOutcomes, type LostReason, type WinBackOutcome } from '../../../../shared/contract/winback';
import type { AppError } from '../../../../shared/errors';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { submitOnCtrlEnter } from '../../components/submitOnCtrlEnter';
import { useUndoToast } from '../../components/useUndoToast';

/**
 * Records a win-back call or message: what came of it, a note, and, when they declined, whether
 * they are lost and why (one of the eight reasons). From a reminder, it also settles the reminder.
 */
export const WinBackForm = ({
  customerId,
  reminderId,
  snoozedUntil = null,
  onClose,
}: {
  customerId: string;
  reminderId: string | null;
  /** The reminder's snooze before this call, for Undo to put back. */
  snoozedUntil?: string | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation(['reminders', 'common']);
  const toast = useToast();
  const undoable = useUndoToast();
  const settings = useApi('reminders-settings-get', {});
  const record = useApiMutation('winback-record-attempt');
  const markLost = useApiMutation('winback-mark-lost');
  const [outcome, setOutcome] = useState<WinBackOutcome>('came_back');
  const [note, setNote] = useState('');
  const [lost, setLost] = useState(false);
  const [reason, setReason] = useState<LostReason>('price');
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await record.mutateAsync({ customerId, reminderId, outcome, note });
    if (!result.ok) return setError(result.error);
    if (outcome === 'declined' && lost) {
      const marked = await markLost.mutateAsync({ customerId, reason, note });
      if (!marked.ok) return setError(marked.error);
    }
    onClose();
    const recorded = t('winBack.recorded', { outcome: t(`winBack.outcomes.${outcome}`) });
    // A call that also marked the customer lost is taken back from the profile's "undo" of that mark, not from here.
    if (outcome === 'declined' && lost) toast({ tone: 'success', text: recorded });
    else undoable(recorded, { name: 'winback-undo-attempt', input: { id: result.value.attempt.id, restoreSnoozedUntil: snoozedUntil } });
  };

  return (
    <form className="reminder-panel" onSubmit={(event) => void submit(event)} onKeyDown={submitOnCtrlEnter}>
      <ErrorNotice error={error} />
      <fieldset className="field-group">
        <legend>{t('winBack.outcome')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('winBack.outcome')}>
          {winBackOutcomes.map((option, index) => (
            <label key={option} className={outcome === option ? 'segment active' : 'segment'}>
              <input type="radio" name="win-back-outcome" value={option} checked={outcome === option} autoFocus={index === 0} onChange={() => setOutcome(option)} />
              {t(`winBack.outcomes.${option}`)}
            </label>
          ))}
        </div>
        {outcome === 'no_answer' && settings.data && <span className="field-hint">{t('winBack.retryHint', { count: settings.data.winBackRetryDays })}</span>}
      </fieldset>
      <Field label={t('winBack.note')}>
        <textarea rows={2} value={note} maxLength={reminderNoteLimit} placeholder={t('winBack.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
      </Field>
      {outcome === 'declined' && (
        <div className="inline-form">
          <label className="checkbox">
            <input type="checkbox" checked={lost} onChange={(event) => setLost(event.target.checked)} />
            {t('winBack.markLost')}
          </label>
          {lost && (
            <Field label={t('winBack.reason')}>
              <select value={reason} onChange={(event) => setReason(event.target.value as LostReason)}>
                {lostReasons.map((option) => (
                  <option key={option} value={option}>
                    {t(`lostReasons.${option}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={record.isPending}>
          {t('winBack.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
};
