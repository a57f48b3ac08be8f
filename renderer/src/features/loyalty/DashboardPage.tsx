import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useIsOwner } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { dashboardOrder, dashboardReads } from './dashboard-reads';
import { dashboardRange, plusMonths } from './months';
import { MonthField } from './MonthField';
import { PendingSection, SectionView } from './SectionView';

/** The owner's loyalty dashboard: every chart for a range of months, kept in the address. */
export const DashboardPage = () => {
  const { t } = useTranslation(['loyalty', 'common']);
  const owner = useIsOwner();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const thisMonth = format.localDayOf(new Date().toISOString()).slice(0, 7);
  const { fromMonth, toMonth } = dashboardRange(params, thisMonth);
  const [firstRead, secondRead] = dashboardReads({ fromMonth, toMonth });
  const first = useApi('loyalty-dashboard', firstRead, { enabled: owner, keepPrevious: true });
  // Asked once the first read of these months has answered, so it does not wait behind this one.
  const firstDone = !first.isPlaceholderData && (first.data !== undefined || first.error !== null);
  const second = useApi('loyalty-dashboard', secondRead, { enabled: owner && firstDone, keepPrevious: true });
  const sections = new Map([...(first.data?.sections ?? []), ...(second.data?.sections ?? [])].map((section) => [section.name, section]));
  const error = first.error ?? second.error;

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
      {error instanceof ApiError && <ErrorNotice error={error.error} />}
      {sections.size === 0 && !error && <p className="list-status">{t('common:loading')}</p>}
      <div className="chart-grid">
        {sections.size > 0 &&
          dashboardOrder.map((name) => {
            const section = sections.get(name);
            return section ? <SectionView key={name} section={section} /> : <PendingSection key={name} name={name} />;
          })}
      </div>
    </section>
  );
};
