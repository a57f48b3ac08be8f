import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ComplaintsTabs } from './ComplaintsPage';
import { useDuration } from './PromiseBadge';
import './complaint-stats.css';

const months = 12;

/**
 * Per month: complaints logged, promises kept, the median time to reply and to resolve; the repeat
 * complainers; and, for the owner only, the compensation paid.
 */
export const ComplaintStatsPage = () => {
  const { t } = useTranslation(['complaints', 'common']);
  const format = useFormat();
  const duration = useDuration();
  const session = useApi('session-get', {});
  const owner = session.data?.role === 'owner';
  const stats = useApi('complaints-stats', { months });
  const paid = useApi('complaints-compensation-stats', { months }, { enabled: owner });

  useEffect(() => {
    document.title = `${t('stats.title')} · ${t('common:appName')}`;
  }, [t]);

  const monthName = format.month;
  const minutes = (value: number | null) => (value === null ? t('stats.none') : duration(value * 60_000));
  const percent = (value: number | null) => (value === null ? t('stats.none') : `${value}%`);
  const paidIn = (month: string) => paid.data?.months.find((entry) => entry.month === month)?.paidMinor ?? 0;
  const data = stats.data;

  return (
    <section className="page complaint-stats" aria-labelledby="complaint-stats-title">
      <header className="page-header">
        <h1 id="complaint-stats-title">{t('title')}</h1>
        <ComplaintsTabs />
        <span className="page-subtitle">{t('stats.period')}</span>
      </header>
      <ErrorNotice error={stats.error instanceof ApiError ? stats.error.error : null} onRetry={() => void stats.refetch()} />
      {!data && !stats.error && <p className="list-status">{t('common:loading')}</p>}
      {data && (
        <>
          <dl className="stat-tiles">
            <div className="stat-tile">
              <dt className="stat-label">{t('stats.logged')}</dt>
              <dd className="stat-value">{data.total.logged}</dd>
            </div>
            <div className="stat-tile">
              <dt className="stat-label">{t('stats.kept')}</dt>
              <dd className="stat-value">{percent(data.total.keptPercent)}</dd>
            </div>
            <div className="stat-tile">
              <dt className="stat-label">{t('stats.medianReply')}</dt>
              <dd className="stat-value">{minutes(data.total.medianReplyMinutes)}</dd>
            </div>
            <div className="stat-tile">
              <dt className="stat-label">{t('stats.medianResolve')}</dt>
              <dd className="stat-value">{minutes(data.total.medianResolveMinutes)}</dd>
            </div>
            {owner && paid.data && (
              <div className="stat-tile">
                <dt className="stat-label">{t('stats.compensation')}</dt>
                <dd className="stat-value">{format.money(paid.data.paidMinor)}</dd>
              </div>
            )}
          </dl>
          <div className="card table-wrap">
            <table className="data-table figures-table">
              <thead>
                <tr>
                  <th scope="col">{t('stats.month')}</th>
                  <th scope="col">{t('stats.logged')}</th>
                  <th scope="col">{t('stats.kept')}</th>
                  <th scope="col">{t('stats.medianReply')}</th>
                  <th scope="col">{t('stats.medianResolve')}</th>
                  {owner && <th scope="col">{t('stats.compensation')}</th>}
                </tr>
              </thead>
              <tbody>
                {[...data.months].reverse().map((month) => (
                  <tr key={month.month}>
                    <th scope="row">{monthName(month.month)}</th>
                    <td>{month.logged}</td>
                    <td>
                      {percent(month.keptPercent)}
                      {month.promisesSettled > 0 && <span className="muted"> ({month.promisesKept}/{month.promisesSettled})</span>}
                    </td>
                    <td>{minutes(month.medianReplyMinutes)}</td>
                    <td>{minutes(month.medianResolveMinutes)}</td>
                    {owner && <td>{format.money(paidIn(month.month))}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
            {!owner && <p className="field-hint">{t('stats.ownerOnly')}</p>}
          </div>
          <div className="complaint-layout">
            <section className="card" aria-labelledby="repeat-title">
              <h2 id="repeat-title">{t('stats.repeat')}</h2>
              {data.repeatComplainers.length === 0 ? (
                <p className="empty-state">{t('stats.repeatEmpty')}</p>
              ) : (
                <ul className="plain-list">
                  {data.repeatComplainers.map((entry) => (
                    <li key={entry.customerId}>
                      <Link to={`/customers/${entry.customerId}`}>{entry.name}</Link> <span className="muted">{t('stats.repeatCount', { count: entry.complaints })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="category-title">
              <h2 id="category-title">{t('stats.byCategory')}</h2>
              <ul className="plain-list">
                {data.byCategory.map((entry) => (
                  <li key={entry.category}>
                    {t(`categories.${entry.category}`)} <span className="muted">{entry.count}</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      )}
    </section>
  );
};
