import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderNoteLimit } from '../../../../shared/contract/reminders';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { submitOnCtrlEnter } from '../../components/submitOnCtrlEnter';
import { Field } from '../../components/Field';
import { useUndoToast } from '../../components/useUndoToast';

/** Marks a reminder done with what came of it; the toast offers to take it back. */
export const DoneForm = ({ id, title, onClose }: { id: string; title: string; onClose: () => void }) => {
  const { t } = useTranslation(['reminders', 'common']);
  const undoable = useUndoToast();
  const complete = useApiMutation('reminders-complete');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await complete.mutateAsync({ id, note });
    if (!result.ok) return setError(result.error);
    onClose();
    undoable(t('actions.doneToast', { title }), { name: 'reminders-reopen', input: { id } });
  };

  return (
    <form className="reminder-panel" onSubmit={(event) => void submit(event)} onKeyDown={submitOnCtrlEnter}>
      <ErrorNotice error={error} />
      <Field label={t('actions.outcome')} hint={t('actions.saveHint')}>
        <textarea rows={2} value={note} maxLength={reminderNoteLimit} placeholder={t('actions.outcomePlaceholder')} autoFocus onChange={(event) => setNote(event.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={complete.isPending}>
          {t('actions.saveDone')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
};
