import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { lapseStates, type SegmentCustomer, type SegmentFilter } from '../../../../shared/contract/loyalty';
import { quadrants } from '../../../../shared/loyalty/quadrant';
import { tiers } from '../../../../shared/loyalty/tiers';
import { apiOrThrow, ApiError } from '../../api/client';
import { useFormat } from '../../app/format';
import { useIsOwner } from '../../app/session';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { downloadSheet } from '../../components/workbook';
import { segmentCallListTable } from './call-list';

const pageSize = 100;
/** The most a call list holds: the handler's page size times this many pages. */
const listPages = 20;

const filterFrom = (params: URLSearchParams): SegmentFilter => {
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | null => {
    const value = params.get(key);
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
  };
  return { tier: pick('tier', tiers), quadrant: pick('quadrant', quadrants), lapse: pick('lapse', lapseStates), interest: params.get('interest') || null };
};

/** Customers by tier, quadrant, lapse and interest, biggest spenders first, as a list to call. */
export const SegmentsPage = () => {
  const { t } = useTranslation(['loyalty', 'common']);
  const owner = useIsOwner();
  const format = useFormat();
  const toast = useToast();
  const describe = useDescribeError();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const [downloading, setDownloading] = useState(false);
  const list = useInfiniteQuery({
    queryKey: ['loyalty-segment', filter],
    queryFn: ({ pageParam }) => apiOrThrow('loyalty-segment', { ...filter, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: (page, pages) => (pages.length * pageSize < page.total ? pages.length * pageSize : undefined),
    enabled: owner,
  });
  const customers = list.data?.pages.flatMap((page) => page.customers) ?? [];
  const first = list.data?.pages[0];

  useEffect(() => {
    document.title = `${t('segments.title')} · ${t('common:appName')}`;
  }, [t]);

  const setFilter = (key: keyof SegmentFilter, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  /** The whole segment as a call list, in pages of 500 (at most `listPages` of them), then saved as CSV or an Excel workbook. */
  const download = async (kind: 'csv' | 'xlsx') => {
    setDownloading(true);
    try {
      const all: SegmentCustomer[] = [];
      for (let page = 0; page < listPages; page += 1) {
        const result = await apiOrThrow('loyalty-segment', { ...filter, offset: page * 500, limit: 500 });
        all.push(...result.customers);
        if (all.length >= result.total) break;
      }
      const table = segmentCallListTable(all, {
        header: {
          name: t('segments.columns.name'),
          phones: t('segments.columns.phones'),
          tier: t('segments.columns.tier'),
          quadrant: t('segments.columns.quadrant'),
          lapse: t('segments.columns.lapse'),
          lastVisit: t('segments.columns.lastVisit'),
          outcome: t('segments.columns.outcome'),
        },
        tier: (customer) => t(`tiers.${customer.tier}`),
        quadrant: (customer) => (customer.quadrant ? t(`quadrants.${customer.quadrant}`) : ''),
        lapse: (customer) => t(`lapse.${customer.lapse}`),
        lastVisit: (customer) => (customer.lastVisitAt ? format.date(customer.lastVisitAt) : ''),
      });
      const file = await downloadSheet(`call-list-${new Date().toISOString().slice(0, 10)}`, kind, table, t('segments.sheet'));
      toast({ tone: 'success', text: t('segments.downloaded', { file }) });
    } catch (caught) {
      if (caught instanceof ApiError) toast({ tone: 'error', text: describe(caught.error) });
      else throw caught;
    } finally {
      setDownloading(false);
    }
  };

  if (!owner) {
    return (
      <section className="page">
        <h1>{t('segments.title')}</h1>
        <ErrorNotice error={{ code: 'FORBIDDEN', message: 'FORBIDDEN', details: { required: 'owner' } }} />
      </section>
    );
  }

  const select = (key: 'tier' | 'quadrant' | 'lapse', values: readonly string[], label: (value: string) => string) => (
    <Field label={t(`segments.${key}`)}>
      <select value={filter[key] ?? ''} onChange={(event) => setFilter(key, event.target.value)}>
        <option value="">{t('segments.any')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <section className="page segments" aria-labelledby="segments-title">
      <header className="page-header">
        <h1 id="segments-title">{t('segments.title')}</h1>
        {first && <span className="page-subtitle">{t('segments.count', { count: first.total })}</span>}
        <div className="header-actions">
          <Link className="button" to="/loyalty">
            {t('title')}
          </Link>
          <button type="button" className="button button-primary" disabled={!first || first.total === 0 || downloading} onClick={() => void download('csv')}>
            {t('segments.downloadCsv')}
          </button>
          <button type="button" className="button" disabled={!first || first.total === 0 || downloading} onClick={() => void download('xlsx')}>
            {t('segments.downloadXlsx')}
          </button>
        </div>
      </header>
      <div className="segment-filters">
        {select('tier', tiers, (value) => t(`tiers.${value as (typeof tiers)[number]}`))}
        {select('quadrant', quadrants, (value) => t(`quadrants.${value as (typeof quadrants)[number]}`))}
        {select('lapse', lapseStates, (value) => t(`lapse.${value as (typeof lapseStates)[number]}`))}
        <Field label={t('segments.interest')}>
          <select value={filter.interest ?? ''} onChange={(event) => setFilter('interest', event.target.value)}>
            <option value="">{t('segments.any')}</option>
            {(first?.interests ?? []).map((interest) => (
              <option key={interest} value={interest}>
                {interest}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {filter.quadrant && <p className="notice">{t(`quadrantHints.${filter.quadrant}`)}</p>}
      {list.error instanceof ApiError && <ErrorNotice error={list.error.error} />}
      {!list.data && !list.error && <p className="list-status">{t('common:loading')}</p>}
      {first?.total === 0 && <p className="empty-state">{t('segments.none')}</p>}
      {customers.length > 0 && (
        <table className="data-table segment-table">
          <thead>
            <tr>
              <th scope="col">{t('segments.name')}</th>
              <th scope="col">{t('segments.phones')}</th>
              <th scope="col">{t('segments.tier')}</th>
              <th scope="col">{t('segments.quadrant')}</th>
              <th scope="col">{t('segments.lapse')}</th>
              <th scope="col">{t('segments.lastVisit')}</th>
              <th scope="col" className="numeric">
                {t('segments.spend12m')}
              </th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr key={customer.id}>
                <td>
                  <Link to={`/customers/${customer.id}`}>{customer.name}</Link>
                </td>
                <td>{customer.phones.join(' / ') || <span className="muted">{t('segments.noPhone')}</span>}</td>
                <td>{t(`tiers.${customer.tier}`)}</td>
                <td>{customer.quadrant ? t(`quadrants.${customer.quadrant}`) : ''}</td>
                <td>{t(`lapse.${customer.lapse}`)}</td>
                <td>{customer.lastVisitAt ? format.relativeDay(customer.lastVisitAt) : ''}</td>
                <td className="numeric">{format.money(customer.revenue12mMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.hasNextPage && (
        <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common:loading') : t('segments.loadMore')}
        </button>
      )}
    </section>
  );
};
