import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plusDays } from '../../../../shared/reminders/days';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { DayField } from '../../components/DayField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useUndoToast } from '../../components/useUndoToast';
import { useDayFormat } from './format';

/** Snooze by a day, a week, or to a chosen shop-local day after `today`. */
export const SnoozePanel = ({ id, today, snoozedUntil, onClose }: { id: string; today: string; snoozedUntil: string | null; onClose: () => void }) => {
  const { t } = useTranslation(['reminders', 'common']);
  const undoable = useUndoToast();
  const days = useDayFormat();
  const snooze = useApiMutation('reminders-snooze');
  const [day, setDay] = useState(plusDays(today, 2));
  const [error, setError] = useState<AppError | null>(null);

  const snoozeUntil = async (until: string) => {
    const result = await snooze.mutateAsync({ id, until });
    if (!result.ok) return setError(result.error);
    onClose();
    undoable(t('actions.snoozedToast', { date: days.long(until) }), { name: 'reminders-unsnooze', input: { id, until, restore: snoozedUntil } });
  };

  return (
    <div className="reminder-panel" role="group" aria-label={t('actions.snooze')}>
      <ErrorNotice error={error} />
      <div className="inline-form">
        <button type="button" className="button" autoFocus onClick={() => void snoozeUntil(plusDays(today, 1))}>
          {t('actions.snoozeDay')}
        </button>
        <button type="button" className="button" onClick={() => void snoozeUntil(plusDays(today, 7))}>
          {t('actions.snoozeWeek')}
        </button>
        <Field label={t('actions.snoozeUntil')} className="snooze-day">
          <DayField value={day} min={plusDays(today, 1)} onChange={setDay} />
        </Field>
        <button type="button" className="button" disabled={day <= today} onClick={() => void snoozeUntil(day)}>
          {t('actions.snoozeToDay')}
        </button>
        <button type="button" className="button-link" onClick={onClose}>
          {t('actions.cancel')}
        </button>
      </div>
    </div>
  );
};
