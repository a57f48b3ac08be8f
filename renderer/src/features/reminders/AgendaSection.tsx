import { useId } from 'react';
import type { AgendaSectionPage } from '../../../../shared/contract/reminders';
import { ReminderCard, type CardContext } from './ReminderCard';

/**
 * One part of the agenda (overdue, due today, next 7 days) with its count. `firstOnly` draws the
 * cards a screen can show and leaves the rest to the next pass (see Agenda in TodayPage.tsx); how
 * many more there are than the page holds is said in that pass, once the whole page is there.
 */
export const AgendaSection = ({ name, page, context, firstOnly }: { name: 'overdue' | 'today' | 'upcoming'; page: AgendaSectionPage; context: CardContext; firstOnly: number | null }) => {
  const { t } = context;
  const titleId = useId();
  const items = firstOnly === null ? page.items : page.items.slice(0, firstOnly);
  return (
    <section className={`agenda-section section-${name}`} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(`sections.${name}`)} <span className="badge section-count">{page.total}</span>
      </h2>
      {page.total === 0 ? (
        <p className="empty-state">{t('empty.section')}</p>
      ) : (
        <ul className="reminder-list">
          {items.map((item) => (
            <ReminderCard key={item.id} item={item} context={context} />
          ))}
        </ul>
      )}
      {firstOnly === null && page.total > page.items.length && <p className="list-status">{t('moreInSection', { shown: page.items.length, total: page.total })}</p>}
    </section>
  );
};
