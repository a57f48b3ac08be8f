import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderNoteLimit } from '../../../../shared/contract/reminders';
import { plusDays } from '../../../../shared/reminders/days';
import type { AppError } from '../../../../shared/errors';
import { useApi, useApiMutation } from '../../api/hooks';
import { CustomerPicker, type PickedCustomer } from '../../components/CustomerPicker';
import { DayField } from '../../components/DayField';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { submitOnCtrlEnter } from '../../components/submitOnCtrlEnter';
import { useDayFormat } from './format';

/** A reminder a person writes: what to do, on which day, optionally about a customer and for a staff member. */
export const NewReminderForm = ({ today, customer, onClose }: { today: string; customer: { id: string; name: string } | null; onClose: () => void }) => {
  const { t } = useTranslation(['reminders', 'common']);
  const toast = useToast();
  const days = useDayFormat();
  const staff = useApi('staff-list', {});
  const create = useApiMutation('reminders-create');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(customer);
  const [dueDay, setDueDay] = useState(plusDays(today, 1));
  const [note, setNote] = useState('');
  const [staffId, setStaffId] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.mutateAsync({ customerId: picked?.id ?? null, dueDay, note, staffId: staffId === '' ? null : staffId });
    if (!result.ok) return setError(result.error);
    onClose();
    toast({ tone: 'success', text: t('newReminder.created', { date: days.long(result.value.dueDay) }) });
  };

  const pick = (next: PickedCustomer | null) => setPicked(next?.kind === 'customer' ? { id: next.customer.id, name: next.customer.name } : null);

  return (
    <form className="card new-reminder" aria-label={t('newReminder.title')} onSubmit={(event) => void submit(event)} onKeyDown={submitOnCtrlEnter}>
      <h2>{t('newReminder.title')}</h2>
      <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
      <div className="form-grid">
        {customer === null &&
          (picked ? (
            <div className="field">
              <span className="field-label">{t('newReminder.customer')}</span>
              <div className="selected-customer">
                <strong>{picked.name}</strong>
                <button type="button" className="button-link" onClick={() => setPicked(null)}>
                  {t('newReminder.clearCustomer')}
                </button>
              </div>
            </div>
          ) : (
            <CustomerPicker label={t('newReminder.customer')} onPick={pick} allowWalkIn={false} />
          ))}
        <Field label={t('newReminder.due')} issue={issues.get('dueDay')}>
          <DayField value={dueDay} min={today} onChange={setDueDay} />
        </Field>
        <Field label={t('newReminder.staff')}>
          <select value={staffId} onChange={(event) => setStaffId(event.target.value)}>
            <option value="">{t('newReminder.anyone')}</option>
            {(staff.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('newReminder.note')} issue={issues.get('note')} className="span-2">
          <textarea rows={2} required value={note} maxLength={reminderNoteLimit} autoFocus={customer !== null} onChange={(event) => setNote(event.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('newReminder.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <span className="field-hint">{t('actions.saveHint')}</span>
      </div>
    </form>
  );
};
