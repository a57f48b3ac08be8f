import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useIsOwner } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { dashboardRange, plusMonths } from './months';
import { MonthField } from './MonthField';
import { SectionView } from './SectionView';

/** The owner's loyalty dashboard: every chart for a range of months, kept in the address. */
export const DashboardPage = () => {
  const { t } = useTranslation(['loyalty', 'common']);
  const owner = useIsOwner();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const thisMonth = format.localDayOf(new Date().toISOString()).slice(0, 7);
  const { fromMonth, toMonth } = dashboardRange(params, thisMonth);
  const dashboard = useApi('loyalty-dashboard', { fromMonth, toMonth }, { enabled: owner, keepPrevious: true });

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  const setRange = (from: string, to: string) => setParams({ from, to }, { replace: true });

  if (!owner) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <ErrorNotice error={{ code: 'FORBIDDEN', message: 'FORBIDDEN', details: { required: 'owner' } }} />
      </section>
    );
  }
  return (
    <section className="page loyalty" aria-labelledby="loyalty-title">
      <header className="page-header">
        <h1 id="loyalty-title">{t('title')}</h1>
        <div className="header-actions">
          <Link className="button" to="/loyalty/segments">
            {t('segments.open')}
          </Link>
        </div>
      </header>
      <fieldset className="range-picker">
        <legend>{t('range.label')}</legend>
        <label>
          {t('range.from')}
          <MonthField value={fromMonth} max={toMonth} latest={thisMonth} onChange={(month) => setRange(month, toMonth)} />
        </label>
        <label>
          {t('range.to')}
          <MonthField value={toMonth} min={fromMonth} latest={thisMonth} onChange={(month) => setRange(fromMonth, month)} />
        </label>
        <button type="button" className="button" onClick={() => setRange(plusMonths(thisMonth, -11), thisMonth)}>
          {t('range.last12')}
        </button>
        <button type="button" className="button" onClick={() => setRange(plusMonths(thisMonth, -23), thisMonth)}>
          {t('range.last24')}
        </button>
        <button type="button" className="button" onClick={() => setRange(`${thisMonth.slice(0, 4)}-01`, thisMonth)}>
          {t('range.thisYear')}
        </button>
      </fieldset>
      <p className="muted">{t('chart.clickHint')}</p>
      {dashboard.error instanceof ApiError && <ErrorNotice error={dashboard.error.error} />}
      {!dashboard.data && !dashboard.error && <p className="list-status">{t('common:loading')}</p>}
      <div className="chart-grid">
        {dashboard.data?.sections.map((section) => (
          <SectionView key={section.name} section={section} />
        ))}
      </div>
    </section>
  );
};
