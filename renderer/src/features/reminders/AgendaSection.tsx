import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaSectionPage } from '../../../../shared/contract/reminders';
import { ReminderCard } from './ReminderCard';

/** One part of the agenda (overdue, due today, next 7 days) with its count. */
export const AgendaSection = ({ name, page, today }: { name: 'overdue' | 'today' | 'upcoming'; page: AgendaSectionPage; today: string }) => {
  const { t } = useTranslation('reminders');
  const titleId = useId();
  return (
    <section className={`agenda-section section-${name}`} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(`sections.${name}`)} <span className="badge section-count">{page.total}</span>
      </h2>
      {page.total === 0 ? (
        <p className="empty-state">{t('empty.section')}</p>
      ) : (
        <ul className="reminder-list">
          {page.items.map((item) => (
            <ReminderCard key={item.id} item={item} today={today} />
          ))}
        </ul>
      )}
      {page.total > page.items.length && <p className="list-status">{t('moreInSection', { shown: page.items.length, total: page.total })}</p>}
    </section>
  );
};
