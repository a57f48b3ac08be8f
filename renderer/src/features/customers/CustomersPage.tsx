import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { customerSorts, type CustomerSort, type CustomerSummary } from '../../../../shared/contract/customers';
import { ApiError } from '../../api/client';
import { useApi, useFetchNow } from '../../api/hooks';
import { useFocusRequest } from '../../app/focus-requests';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDebounced } from '../../components/useDebounced';
import { CustomerList } from './CustomerList';
import { EmptyBook } from './EmptyBook';
import { pagesOf, useCustomerPages } from './useCustomerPages';

const searchLimit = 100;

export const CustomersPage = () => {
  const { t } = useTranslation(['customers', 'common']);
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<CustomerSort>('recent');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [visiblePages, setVisiblePages] = useState<number[]>([0]);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useFocusRequest('find', searchRef);

  const settled = useDebounced(query.trim(), 100);
  const searching = settled !== '';
  const search = useApi('customers-search', { query: settled, includeArchived, limit: searchLimit }, { enabled: searching, keepPrevious: true });
  const pages = useCustomerPages(sort, includeArchived, searching ? [] : visiblePages);
  // Scrolling changes the rows on screen every frame; the pages they sit on change far less often.
  const showRows = useCallback((first: number, last: number) => {
    const next = pagesOf(first, last);
    setVisiblePages((current) => (current.length === next.length && current.every((page, index) => page === next[index]) ? current : next));
  }, []);

  const open = useCallback((customer: CustomerSummary) => navigate(`/customers/${customer.id}`), [navigate]);
  const results = search.data?.rows ?? [];
  const count = searching ? results.length : (pages.total ?? 0);
  const rowAt = (index: number) => (searching ? results[index] : pages.rows.get(index));
  const error = searching ? search.error : pages.error;
  const fetchNow = useFetchNow();

  return (
    <section className="page page-fill" aria-labelledby="customers-title">
      <header className="page-header">
        <h1 id="customers-title">{t('list.title')}</h1>
        <span className="page-subtitle">{pages.total !== undefined && t('list.count', { count: pages.total })}</span>
        <Link className="button button-primary" to="/customers/new" title={t('common:shortcuts.newCustomer')}>
          {t('list.newCustomer')}
        </Link>
      </header>
      <div className="toolbar">
        <label className="visually-hidden" htmlFor="customer-search">
          {t('list.searchLabel')}
        </label>
        <input
          id="customer-search"
          ref={searchRef}
          className="search-input"
          type="search"
          autoFocus
          autoComplete="off"
          placeholder={t('list.searchPlaceholder')}
          title={t('common:shortcuts.find')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              listRef.current?.focus();
            } else if (event.key === 'Enter' && query.trim() !== '') {
              // Opens the first match for what was typed, even if the list has not caught up yet.
              void fetchNow('customers-search', { query: query.trim(), includeArchived, limit: searchLimit }).then((found) => {
                if (found.rows[0]) open(found.rows[0]);
              });
            }
          }}
        />
        <label className="inline-field">
          {t('list.sort')}
          <select value={sort} onChange={(event) => setSort(event.target.value as CustomerSort)} disabled={searching}>
            {customerSorts.map((option) => (
              <option key={option} value={option}>
                {t(`list.sorts.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <input type="checkbox" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} />
          {t('list.includeArchived')}
        </label>
      </div>
      <ErrorNotice error={error instanceof ApiError ? error.error : null} />
      {searching && search.data && (
        <p className="list-status" role="status">
          {results.length === 0
            ? t('list.noMatches', { query: settled })
            : search.data.more
              ? t('list.moreMatches', { count: results.length })
              : t('list.matches', { count: results.length })}
        </p>
      )}
      {!searching && pages.total === 0 && <EmptyBook />}
      <CustomerList
        listRef={listRef}
        label={t('list.title')}
        count={count}
        rowAt={rowAt}
        onOpen={open}
        onVisibleChange={showRows}
        onLeaveTop={() => searchRef.current?.focus()}
      />
    </section>
  );
};
