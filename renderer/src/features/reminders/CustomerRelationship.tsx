import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import type { CustomerStanding } from '../../../../shared/contract/winback';
import { lostReasons, type LostReason } from '../../../../shared/contract/winback';
import { useFormat } from '../../app/format';
import { InlinePanel } from '../../components/InlinePanel';
import { useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { useUndoToast } from '../../components/useUndoToast';
import { reminderKind } from '../../../../shared/reminders/kinds';
import { useDayFormat, useReminderText } from './format';
import { NewReminderForm } from './NewReminderForm';
import { WinBackForm } from './WinBackForm';

type Panel = 'win-back' | 'lost' | 'reminder' | null;

const StandingLines = ({ standing }: { standing: CustomerStanding }) => {
  const { t } = useTranslation('reminders');
  const days = useDayFormat();
  const format = useFormat();
  const lines: string[] = [];
  if (standing.state === 'new') lines.push(t('standing.newHint'));
  if (standing.rhythmDays !== null) lines.push(t('standing.rhythm', { count: Math.round(standing.rhythmDays) }));
  else if (standing.state !== 'new') lines.push(t('standing.noRhythm'));
  // A call or a message keeps a customer from lapsing, but they were not here: said as being in touch.
  if (standing.daysAway !== null) {
    const touched = standing.lastActivityKind === 'contact';
    if (standing.daysAway === 0) lines.push(t(touched ? 'standing.touchedToday' : 'standing.awayToday'));
    else lines.push(t(touched ? 'standing.touched' : 'standing.away', { count: standing.daysAway }));
  }
  if (standing.state === 'lapsed' && standing.lapsesOn) lines.push(t('standing.lapsedSince', { date: days.medium(standing.lapsesOn) }));
  if (standing.state === 'active' && standing.lapsesOn) lines.push(t('standing.lapsesOn', { date: days.medium(standing.lapsesOn) }));
  if (standing.lost?.reason) lines.push(t('standing.lostReason', { date: format.date(standing.lost.at), reason: t(`lostReasons.${standing.lost.reason}`) }));
  return (
    <ul className="standing-lines">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
      {standing.lost?.note && <li className="notes">{standing.lost.note}</li>}
    </ul>
  );
};

const MarkLostForm = ({ customerId, name, onClose }: { customerId: string; name: string; onClose: () => void }) => {
  const { t } = useTranslation(['reminders', 'common']);
  const toast = useToast();
  const describe = useDescribeError();
  const undoable = useUndoToast();
  const markLost = useApiMutation('winback-mark-lost');
  const [reason, setReason] = useState<LostReason>('price');
  const [note, setNote] = useState('');
  const submit = async () => {
    const result = await markLost.mutateAsync({ customerId, reason, note });
    if (!result.ok) return toast({ tone: 'error', text: describe(result.error) });
    onClose();
    undoable(t('standing.markedLost', { name }), { name: 'winback-undo-status', input: { id: result.value.id } });
  };
  return (
    <div className="reminder-panel">
      <Field label={t('winBack.reason')}>
        <select value={reason} autoFocus onChange={(event) => setReason(event.target.value as LostReason)}>
          {lostReasons.map((option) => (
            <option key={option} value={option}>
              {t(`lostReasons.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('winBack.note')}>
        <textarea rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => void submit()}>
          {t('standing.markLost')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('actions.cancel')}
        </button>
      </div>
    </div>
  );
};

/** On the profile: where the customer stands (rhythm, days away, lapsed or lost), what is open, and the win-back actions. */
export const CustomerRelationship = ({ customerId, name, archived }: { customerId: string; name: string; archived: boolean }) => {
  const { t } = useTranslation(['reminders', 'common']);
  const toast = useToast();
  const describe = useDescribeError();
  const text = useReminderText();
  const days = useDayFormat();
  const standing = useApi('winback-standing', { customerId });
  const reminders = useApi('reminders-for-customer', { customerId });
  const summary = useApi('reminders-due-summary', {});
  const undoable = useUndoToast();
  const wonBack = useApiMutation('winback-mark-won-back');
  const [panel, setPanel] = useState<Panel>(null);
  const toggle = (next: Exclude<Panel, null>) => setPanel((current) => (current === next ? null : next));
  if (!standing.data) return null;
  const state = standing.data.state;

  const markWonBack = async () => {
    const result = await wonBack.mutateAsync({ customerId, note: '' });
    if (!result.ok) return toast({ tone: 'error', text: describe(result.error) });
    undoable(t('standing.markedWonBack', { name }), { name: 'winback-undo-status', input: { id: result.value.id } });
  };

  return (
    <section className="relationship" aria-labelledby="relationship-title">
      <h2 id="relationship-title">
        {t('standing.title')} <span className={`badge state-badge state-${state}`}>{t(`standing.states.${state}`)}</span>
      </h2>
      <StandingLines standing={standing.data} />
      {!archived && (
        <div className="header-actions relationship-actions">
          {(state === 'lapsed' || state === 'lost') && (
            <button type="button" className="button" aria-expanded={panel === 'win-back'} onClick={() => toggle('win-back')}>
              {t('standing.recordCall')}
            </button>
          )}
          {state === 'lost' ? (
            <button type="button" className="button" onClick={() => void markWonBack()}>
              {t('standing.markWonBack')}
            </button>
          ) : (
            state !== 'new' && (
              <button type="button" className="button" aria-expanded={panel === 'lost'} onClick={() => toggle('lost')}>
                {t('standing.markLost')}
              </button>
            )
          )}
          <button type="button" className="button" aria-expanded={panel === 'reminder'} onClick={() => toggle('reminder')}>
            {t('standing.addReminder')}
          </button>
        </div>
      )}
      {panel !== null && (
        <InlinePanel key={panel} onClose={() => setPanel(null)}>
          {panel === 'win-back' && <WinBackForm customerId={customerId} reminderId={null} onClose={() => setPanel(null)} />}
          {panel === 'lost' && <MarkLostForm customerId={customerId} name={name} onClose={() => setPanel(null)} />}
          {panel === 'reminder' && summary.data && <NewReminderForm today={summary.data.today} customer={{ id: customerId, name }} onClose={() => setPanel(null)} />}
        </InlinePanel>
      )}
      <h3>{t('standing.reminders')}</h3>
      {reminders.data && reminders.data.length === 0 && <p className="empty-state">{t('standing.noReminders')}</p>}
      <ul className="standing-reminders">
        {(reminders.data ?? []).map((reminder) => (
          <li key={reminder.id}>
            <span className={`badge kind-badge kind-${reminder.kind}`}>{text.label(reminder.kind)}</span> <span>{days.short(reminderKind(reminder.kind)?.occasionDay?.(reminder.facts) ?? reminder.agendaDay)}</span>
            {reminder.kind === 'custom' && <span> — {reminder.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
};
