import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { customerSorts, type CustomerSort, type CustomerSummary } from '../../../../shared/contract/customers';
import { lapseStates, type LapseState } from '../../../../shared/contract/loyalty';
import { tiers, type Tier } from '../../../../shared/loyalty/tiers';
import { ApiError } from '../../api/client';
import { useApi, useFetchNow, useReadAhead } from '../../api/hooks';
import { useFocusRequest } from '../../app/focus-requests';
import { useIsOwner } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CustomerList } from './CustomerList';
import './customer-list.css';
import { EmptyBook } from './EmptyBook';
import { ListColumns } from './ListColumns';
import { pagesOf, useCustomerPages } from './useCustomerPages';

/** Matches shown for what is typed: more than a screen holds; past it the list says to keep typing. */
const searchLimit = 50;
/** How long a jump through the list must rest before the rows where it stopped are read. */
const jumpSettleMs = 80;
/** No matches yet: one empty list, so the list's rows keep their identity from render to render. */
const noMatches: readonly CustomerSummary[] = [];

export const CustomersPage = () => {
  const { t } = useTranslation(['customers', 'common', 'loyalty']);
  const owner = useIsOwner();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<CustomerSort>('recent');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [tag, setTag] = useState('');
  const [lapse, setLapse] = useState<LapseState | null>(null);
  const [tier, setTier] = useState<Tier | null>(null);
  const [visiblePages, setVisiblePages] = useState<number[]>([0]);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useFocusRequest('find', searchRef);

  // Every keystroke searches at once (the answer takes milliseconds), from the keystroke itself
  // (searchAhead), not after React drew it; a search overtaken by the next keystroke is cancelled.
  // Deferred, so the field itself never waits for the list to redraw.
  const settled = useDeferredValue(query.trim());
  const searching = settled !== '';
  const searchInput = (text: string) => ({ query: text, includeArchived, limit: searchLimit });
  // A deferred render that lags behind the typing (a busy machine) must not ask again for a search
  // the next keystroke already cancelled: only the text as typed now is read.
  const search = useApi('customers-search', searchInput(settled), { enabled: searching && settled === query.trim(), keepPrevious: true });
  const searchAhead = useReadAhead('customers-search');
  const settledTag = useDeferredValue(tag.trim());
  // Spend and tiers are the owner's: once locked, the list falls back to what staff may see.
  const listing = {
    sort: !owner && sort === 'spend' ? 'recent' : sort,
    includeArchived,
    tag: settledTag,
    lapse,
    tier: owner ? tier : null,
  } as const;
  const pages = useCustomerPages(listing, searching ? [] : visiblePages);
  // Scrolling changes the rows on screen every frame; the pages they sit on change far less often.
  // Scrolling on into the next page reads it at once; a jump across the book (a dragged scroll bar,
  // a fling, End) reads the pages where it comes to rest, not every page it flew past on the way.
  const shownPages = useRef<number[]>([0]);
  const settling = useRef<number | undefined>(undefined);
  const showRows = useCallback((first: number, last: number) => {
    const next = pagesOf(first, last);
    window.clearTimeout(settling.current);
    const show = () => {
      const current = shownPages.current;
      if (current.length === next.length && current.every((page, index) => page === next[index])) return;
      shownPages.current = next;
      setVisiblePages(next);
    };
    if (next.some((page) => shownPages.current.includes(page))) show();
    else settling.current = window.setTimeout(show, jumpSettleMs);
  }, []);
  useEffect(() => () => window.clearTimeout(settling.current), []);

  const open = useCallback((customer: CustomerSummary) => navigate(`/customers/${customer.id}`), [navigate]);
  const results = search.data?.rows ?? noMatches;
  const count = searching ? results.length : (pages.total ?? 0);
  const pageRows = pages.rows;
  const rowAt = useCallback((index: number) => (searching ? results[index] : pageRows.get(index)), [searching, results, pageRows]);
  const leaveTop = useCallback(() => searchRef.current?.focus(), []);
  const error = searching ? search.error : pages.error;
  const fetchNow = useFetchNow();

  return (
    <section className={`page page-fill ${searching ? '' : 'customer-list'} ${owner ? 'with-spend' : ''}`} aria-labelledby="customers-title">
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
          // Names and phone digits are not words: checking their spelling cost the page 8 ms a keystroke.
          spellCheck={false}
          placeholder={t('list.searchPlaceholder')}
          title={t('common:shortcuts.find')}
          value={query}
          onChange={(event) => {
            const typed = event.target.value;
            setQuery(typed);
            searchAhead(typed.trim() === '' ? null : searchInput(typed.trim()));
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              listRef.current?.focus();
            } else if (event.key === 'Enter' && query.trim() !== '') {
              // Opens the first match for what was typed, even if the list has not caught up yet.
              void fetchNow('customers-search', searchInput(query.trim())).then((found) => {
                if (found.rows[0]) open(found.rows[0]);
              });
            }
          }}
        />
        <label className="inline-field">
          {t('list.sort')}
          <select value={listing.sort} onChange={(event) => setSort(event.target.value as CustomerSort)} disabled={searching}>
            {customerSorts.filter((option) => owner || option !== 'spend').map((option) => (
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
      <div className="toolbar list-filters">
        <label className="inline-field">
          {t('list.filters.tag')}
          <input type="search" value={tag} placeholder={t('list.filters.tagPlaceholder')} disabled={searching} onChange={(event) => setTag(event.target.value)} />
        </label>
        <label className="inline-field">
          {t('list.filters.lapse')}
          <select value={lapse ?? ''} disabled={searching} onChange={(event) => setLapse((event.target.value || null) as LapseState | null)}>
            <option value="">{t('list.filters.any')}</option>
            {lapseStates.map((state) => (
              <option key={state} value={state}>
                {t(`loyalty:lapse.${state}`)}
              </option>
            ))}
          </select>
        </label>
        {owner && (
          <label className="inline-field">
            {t('list.filters.tier')}
            <select value={tier ?? ''} disabled={searching} onChange={(event) => setTier((event.target.value || null) as Tier | null)}>
              <option value="">{t('list.filters.any')}</option>
              {tiers.map((option) => (
                <option key={option} value={option}>
                  {t(`loyalty:tiers.${option}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ErrorNotice error={error instanceof ApiError ? error.error : null} />
      {searching && search.data && (
        <p className="list-status" role="status" data-query={search.isPlaceholderData ? undefined : settled}>
          {results.length === 0
            ? t('list.noMatches', { query: settled })
            : search.data.more
              ? t('list.moreMatches', { count: results.length })
              : t('list.matches', { count: results.length })}
        </p>
      )}
      {!searching && pages.total === 0 && <EmptyBook />}
      {!searching && <ListColumns sort={listing.sort} onSort={setSort} showSpend={owner} />}
      <CustomerList
        listRef={listRef}
        showSpend={owner}
        label={t('list.title')}
        count={count}
        rowAt={rowAt}
        onOpen={open}
        onVisibleChange={showRows}
        onLeaveTop={leaveTop}
      />
    </section>
  );
};
