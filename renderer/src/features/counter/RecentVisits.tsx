import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';

/** What was just logged at the counter, to catch a mistake while the customer is still there. */
export const RecentVisits = () => {
  const { t } = useTranslation(['counter', 'common']);
  const format = useFormat();
  const recent = useApi('visits-recent', { limit: 15 });
  const visits = recent.data ?? [];
  return (
    <aside className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent.title')}</h2>
      {recent.isSuccess && visits.length === 0 && <p className="empty-state">{t('recent.empty')}</p>}
      <ul className="recent-list">
        {visits.map((visit) => (
          <li key={visit.id}>
            <span className="recent-time">{format.relativeDay(visit.occurredAt)} {format.time(visit.occurredAt)}</span>
            <span className="recent-who">
              {visit.customerId ? <Link to={`/customers/${visit.customerId}`}>{visit.customerName}</Link> : t('recent.walkIn')}
            </span>
            <span className="recent-what">
              {visit.kind === 'contact'
                ? t(`common:contactMethods.${visit.channel as 'call'}`)
                : visit.amountMinor !== null
                  ? format.money(visit.amountMinor)
                  : t(`common:channels.${visit.channel as 'store'}`)}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
};
