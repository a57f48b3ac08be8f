import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../../../shared/contract/reminders';
import type { CustomerStatusEvent, WinBackAttempt } from '../../../../shared/contract/winback';
import { useReminderText } from './format';

/** A done or dismissed reminder on the customer's timeline, with what came of it. */
export const ReminderTimelineBody = ({ reminder }: { reminder: Reminder }) => {
  const { t } = useTranslation('reminders');
  const text = useReminderText();
  const kind = text.label(reminder.kind);
  return (
    <>
      <div className="timeline-heading">
        <span className="timeline-kind">{reminder.status === 'done' ? t('timeline.done', { kind }) : t('timeline.dismissed', { kind })}</span>
      </div>
      {reminder.kind === 'custom' && <div className="timeline-note">{reminder.note}</div>}
      {reminder.outcomeNote && <div className="timeline-note">{reminder.outcomeNote}</div>}
    </>
  );
};

export const WinBackAttemptBody = ({ attempt }: { attempt: WinBackAttempt }) => {
  const { t } = useTranslation('reminders');
  return (
    <>
      <div className="timeline-heading">
        <span className="timeline-kind">{t('timeline.attempt', { outcome: t(`winBack.outcomes.${attempt.outcome}`) })}</span>
      </div>
      {attempt.note && <div className="timeline-note">{attempt.note}</div>}
      {attempt.staffName && <div className="timeline-meta">{t('timeline.by', { name: attempt.staffName })}</div>}
    </>
  );
};

export const CustomerStatusBody = ({ event }: { event: CustomerStatusEvent }) => {
  const { t } = useTranslation('reminders');
  const heading =
    event.kind === 'lost'
      ? t('timeline.lost', { reason: event.reason ? t(`lostReasons.${event.reason}`) : '' })
      : event.daysAway === null
        ? t('timeline.wonBackPlain')
        : t('timeline.wonBack', { count: event.daysAway });
  return (
    <>
      <div className="timeline-heading">
        <span className={`timeline-kind status-${event.kind}`}>{heading}</span>
        {event.afterAttempt && <span className="badge">{t('timeline.afterAttempt')}</span>}
      </div>
      {event.note && <div className="timeline-note">{event.note}</div>}
      {event.staffName && <div className="timeline-meta">{t('timeline.by', { name: event.staffName })}</div>}
    </>
  );
};
