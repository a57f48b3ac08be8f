import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { TimelineItem } from '../../../../shared/contract/timeline';
import type { Visit } from '../../../../shared/contract/visits';
import type { useFormat } from '../../app/format';
import { ImportedHistoryBody } from './ImportedHistoryBody';
import { ComplaintTimelineBody } from '../complaints/TimelineBody';
import { ReferralRewardTimelineBody, ReferralTimelineBody } from '../referrals/TimelineBodies';
import { CustomerStatusBody, ReminderTimelineBody, WinBackAttemptBody } from '../reminders/TimelineBodies';

/**
 * What every entry shares, made once by the timeline: a profile opens with thirty entries, and each
 * asking for its own translations and formats (a settings read per entry among them) was most of
 * the time the screen took to draw them.
 */
export interface EntryContext {
  t: TFunction<['customers', 'common']>;
  format: ReturnType<typeof useFormat>;
  /** Removes (archives) a visit or contact logged by mistake, with an undo; absent where the entry is only read. */
  archive?: (visit: Visit) => void;
}

const VisitBody = ({ visit, context: { t, format, archive } }: { visit: Visit; context: EntryContext }) => {
  const when = format.dateTime(visit.occurredAt);
  const channel = visit.kind === 'visit' ? t(`common:channels.${visit.channel as 'store'}`) : t(`common:contactMethods.${visit.channel as 'call'}`);
  return (
    <>
      <div className="timeline-heading">
        <span className={`timeline-kind kind-${visit.kind}`}>{visit.kind === 'visit' ? t('timeline.visit') : t('timeline.contact')}</span>
        <span>{channel}</span>
        {visit.amountMinor !== null && <strong className="amount">{format.money(visit.amountMinor)}</strong>}
        {visit.satisfaction !== null && (
          <span className={`badge satisfaction-badge level-${visit.satisfaction}`}>{t(`common:satisfaction.${visit.satisfaction}`)}</span>
        )}
        {archive && (
          <button
            type="button"
            className="button-link timeline-action"
            aria-label={visit.kind === 'visit' ? t('timeline.removeVisit', { when }) : t('timeline.removeContact', { when })}
            onClick={() => archive(visit)}
          >
            {t('common:actions.remove')}
          </button>
        )}
      </div>
      {visit.items && <div className="timeline-items">{visit.items}</div>}
      {visit.note && <div className="timeline-note">{visit.note}</div>}
      {visit.staffName && <div className="timeline-meta">{t('timeline.by', { name: visit.staffName })}</div>}
    </>
  );
};

/** One entry of the timeline; each kind of entry has its own body. Kept while older pages are added below. */
export const TimelineEntry = memo(function TimelineEntry({ item, context }: { item: TimelineItem; context: EntryContext }) {
  return (
    <li className={`timeline-entry entry-${item.kind}`}>
      <time dateTime={item.at} className="timeline-time">
        {context.format.dateTime(item.at)}
      </time>
      <div className="timeline-body">
        {(item.kind === 'visit' || item.kind === 'contact') && <VisitBody visit={item.visit} context={context} />}
        {item.kind === 'reminder' && <ReminderTimelineBody reminder={item.reminder} />}
        {item.kind === 'win_back_attempt' && <WinBackAttemptBody attempt={item.attempt} />}
        {item.kind === 'customer_status' && <CustomerStatusBody event={item.event} />}
        {item.kind === 'complaint' && <ComplaintTimelineBody complaint={item.complaint} />}
        {item.kind === 'referral' && <ReferralTimelineBody role={item.role} other={item.other} />}
        {item.kind === 'referral_reward' && <ReferralRewardTimelineBody event={item.event} reward={item.reward} />}
        {item.kind === 'imported_history' && <ImportedHistoryBody history={item.history} />}
      </div>
    </li>
  );
});
