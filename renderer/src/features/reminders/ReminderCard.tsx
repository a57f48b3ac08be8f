import { memo, useState } from 'react';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { InlinePanel } from '../../components/InlinePanel';
import type { AgendaItem } from '../../../../shared/contract/reminders';
import { reminderTiming } from '../../../../shared/reminders/kinds';
import { winBackKind } from '../../../../shared/reminders/kinds/win-back';
import { useApiMutation } from '../../api/hooks';
import { useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { useUndoToast } from '../../components/useUndoToast';
import { DoneForm } from './DoneForm';
import type { useDayFormat, useReminderText } from './format';
import { PhoneChips } from './PhoneChips';
import { SnoozePanel } from './SnoozePanel';
import { WinBackForm } from './WinBackForm';

type Panel = 'done' | 'snooze' | 'win-back' | null;

/**
 * What every card of the agenda shares, made once by the agenda rather than by each of its hundreds
 * of cards: translating and formatting hooks cost a little each, and the home screen mounts up to
 * 300 cards at once.
 */
export interface CardContext {
  t: TFunction<['reminders', 'common']>;
  today: string;
  /** Days as the agenda shows them (no "today" words: the due line says how far off). */
  days: ReturnType<typeof useDayFormat>;
  /** Titles with days near `today` in words. */
  text: ReturnType<typeof useReminderText>;
  /** Dismisses a reminder, offering Undo, or says why it could not. */
  dismiss: (item: AgendaItem, title: string) => Promise<void>;
}

/** The dismissal with its Undo, for every card of the agenda at once. */
export const useDismissReminder = (t: CardContext['t']): CardContext['dismiss'] => {
  const toast = useToast();
  const describe = useDescribeError();
  const dismiss = useApiMutation('reminders-dismiss');
  const undoable = useUndoToast();
  return async (item, title) => {
    const result = await dismiss.mutateAsync({ id: item.id, note: '' });
    if (result.ok) undoable(t('actions.dismissedToast', { title }), { name: 'reminders-reopen', input: { id: item.id } });
    else toast({ tone: 'error', text: describe(result.error) });
  };
};

const DueLine = ({ item, context: { t, days, today } }: { item: AgendaItem; context: CardContext }) => {
  const timing = reminderTiming(item, today);
  const away = timing.days;
  const words =
    timing.by === 'occasion'
      ? away < 0
        ? t('item.occasionPassed', { count: -away })
        : away === 0
          ? t('item.occasionToday')
          : t('item.dueIn', { count: away })
      : away < 0
        ? t('item.overdueBy', { count: -away })
        : away === 0
          ? t('item.dueToday')
          : t('item.dueIn', { count: away });
  return (
    <span className={away < 0 ? 'reminder-due overdue' : 'reminder-due'}>
      {words}
      {item.snoozedUntil && ` · ${t('item.snoozed', { date: days.short(item.dueDay) })}`}
    </span>
  );
};

/** One reminder on the agenda: who, why, how to reach them, and done / snooze / dismiss. */
export const ReminderCard = memo(function ReminderCard({ item, context }: { item: AgendaItem; context: CardContext }) {
  const { t, text, today } = context;
  const [panel, setPanel] = useState<Panel>(null);
  const [dismissing, setDismissing] = useState(false);
  const title = text.title(item, item.customer);
  const link = text.link(item);
  const isWinBack = item.kind === winBackKind.name && item.customerId !== null;
  const toggle = (next: Exclude<Panel, null>) => setPanel((current) => (current === next ? null : next));

  const dismissIt = async () => {
    setDismissing(true);
    await context.dismiss(item, title);
    setDismissing(false);
  };

  return (
    <li className={`reminder-card kind-${item.kind}`}>
      <div className="reminder-main">
        <div className="reminder-heading">
          <span className={`badge kind-badge kind-${item.kind}`}>{text.label(item.kind)}</span>
          {link ? (
            <Link className="reminder-title" to={link}>
              {title}
            </Link>
          ) : (
            <span className="reminder-title">{title}</span>
          )}
        </div>
        <div className="reminder-meta">
          <DueLine item={item} context={context} />
          {item.customer && <PhoneChips phones={item.customer.phones} />}
          {item.assigneeName && <span>{t('item.forStaff', { name: item.assigneeName })}</span>}
          {item.customer && !item.customer.consentToContact && <span className="badge badge-muted">{t('item.noConsent')}</span>}
          {item.customer?.lost && <span className="badge badge-muted">{t('item.lost')}</span>}
        </div>
      </div>
      <div className="reminder-actions" role="group" aria-label={t('actions.label', { title })}>
        {isWinBack ? (
          <button type="button" className="button button-primary" aria-expanded={panel === 'win-back'} onClick={() => toggle('win-back')}>
            {t('winBack.record')}
          </button>
        ) : (
          <button type="button" className="button button-primary" aria-expanded={panel === 'done'} onClick={() => toggle('done')}>
            {t('actions.done')}
          </button>
        )}
        <button type="button" className="button" aria-expanded={panel === 'snooze'} onClick={() => toggle('snooze')}>
          {t('actions.snooze')}
        </button>
        <button type="button" className="button" disabled={dismissing} onClick={() => void dismissIt()}>
          {t('actions.dismiss')}
        </button>
      </div>
      {panel !== null && (
        <InlinePanel key={panel} onClose={() => setPanel(null)}>
          {panel === 'done' && <DoneForm id={item.id} title={title} onClose={() => setPanel(null)} />}
          {panel === 'snooze' && <SnoozePanel id={item.id} today={today} snoozedUntil={item.snoozedUntil} onClose={() => setPanel(null)} />}
          {panel === 'win-back' && item.customerId && (
            <WinBackForm customerId={item.customerId} reminderId={item.id} snoozedUntil={item.snoozedUntil} onClose={() => setPanel(null)} />
          )}
        </InlinePanel>
      )}
    </li>
  );
});
