import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate, useSearchParams } from 'react-router';
import { usePreselectedCustomer } from '../counter/usePreselectedCustomer';
import { complaintCategories, type ComplaintCategory } from '../../../../shared/contract/complaints';
import { severities, type Severity } from '../../../../shared/complaints/deadlines';
import { complaintStates, type ComplaintState } from '../../../../shared/complaints/lifecycle';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ComplaintCard } from './ComplaintCard';
import { LogComplaintForm } from './LogComplaintForm';
import { useNow } from './PromiseBadge';

const activeStates: readonly ComplaintState[] = ['open', 'acknowledged', 'resolved'];

const choice = <T extends string>(value: string | null, options: readonly T[]): T | null => (options.includes(value as T) ? (value as T) : null);

/** Board filters live in the address, so a reload or the back button keeps them. */
const useBoardFilters = () => {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return {
    severity: choice(params.get('severity'), severities),
    category: choice(params.get('about'), complaintCategories),
    owner: params.get('owner'),
    overdueOnly: params.get('overdue') === '1',
    showDone: params.get('done') === '1',
    set,
  };
};

export const ComplaintsTabs = () => {
  const { t } = useTranslation('complaints');
  return (
    <nav className="tabs" aria-label={t('title')}>
      <NavLink to="/complaints" end>
        {t('tabs.board')}
      </NavLink>
      <NavLink to="/complaints/stats">{t('tabs.stats')}</NavLink>
    </nav>
  );
};

/** The complaints board: one column per state, the promise each waits on counting down. */
export const ComplaintsPage = () => {
  const { t } = useTranslation(['complaints', 'common']);
  const navigate = useNavigate();
  const filters = useBoardFilters();
  // From a customer's profile: the form opens with that customer chosen.
  const [params] = useSearchParams();
  const logFor = params.get('log');
  const [preselected] = usePreselectedCustomer(logFor);
  const [logging, setLogging] = useState(logFor !== null);
  const [typed, setTyped] = useState('');
  const query = useDeferredValue(typed);
  const now = useNow();
  const staff = useApi('staff-list', { includeInactive: true });
  const states = filters.showDone ? [...complaintStates] : [...activeStates];
  const board = useApi(
    'complaints-list',
    { states, severity: filters.severity, category: filters.category, ownerStaffId: filters.owner, overdueOnly: filters.overdueOnly, query },
    { keepPrevious: true },
  );

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setLogging(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const data = board.data;
  return (
    <section className="page complaints" aria-labelledby="complaints-title">
      <header className="page-header">
        <h1 id="complaints-title">{t('title')}</h1>
        <ComplaintsTabs />
        <div className="header-actions">
          <button type="button" className="button button-primary" aria-expanded={logging} onClick={() => setLogging((open) => !open)}>
            {t('log.open')}
          </button>
        </div>
      </header>
      <p className="page-hint">{t('hint')}</p>
      {logging && (
        <div className="card">
          <h2>{t('log.title')}</h2>
          <LogComplaintForm
            key={preselected?.kind === 'customer' ? preselected.customer.id : ''}
            initialCustomer={preselected}
            onLogged={(id) => void navigate(`/complaints/${id}`)}
          />
        </div>
      )}
      <div className="toolbar complaint-filters" role="group" aria-label={t('filters.label')}>
        <input
          type="search"
          className="search-input"
          aria-label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <label className="inline-field">
          {t('filters.severity')}
          <select value={filters.severity ?? ''} onChange={(event) => filters.set('severity', event.target.value)}>
            <option value="">{t('filters.any')}</option>
            {severities.map((option: Severity) => (
              <option key={option} value={option}>
                {t(`severities.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('filters.category')}
          <select value={filters.category ?? ''} onChange={(event) => filters.set('about', event.target.value)}>
            <option value="">{t('filters.any')}</option>
            {complaintCategories.map((option: ComplaintCategory) => (
              <option key={option} value={option}>
                {t(`categories.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('filters.owner')}
          <select value={filters.owner ?? ''} onChange={(event) => filters.set('owner', event.target.value)}>
            <option value="">{t('filters.any')}</option>
            {(staff.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <input type="checkbox" checked={filters.overdueOnly} onChange={(event) => filters.set('overdue', event.target.checked ? '1' : null)} />
          {t('filters.overdueOnly')}
        </label>
        <label className="inline-field">
          <input type="checkbox" checked={filters.showDone} onChange={(event) => filters.set('done', event.target.checked ? '1' : null)} />
          {t('filters.showDone')}
        </label>
      </div>
      <ErrorNotice error={board.error instanceof ApiError ? board.error.error : null} onRetry={() => void board.refetch()} />
      {!data && !board.error && <p className="list-status">{t('common:loading')}</p>}
      {data && (
        <div className="complaint-board">
          {states.map((state) => {
            const items = data.items.filter((item) => item.state === state);
            return (
              <section key={state} className={`complaint-column state-${state}`} aria-labelledby={`column-${state}`}>
                <h2 id={`column-${state}`}>
                  {t(`states.${state}`)} <span className="badge">{data.counts[state]}</span>
                </h2>
                {items.length === 0 ? (
                  <p className="empty-state">{t('board.empty')}</p>
                ) : (
                  <ul className="complaint-cards">
                    {items.map((complaint) => (
                      <ComplaintCard key={complaint.id} complaint={complaint} now={now} />
                    ))}
                  </ul>
                )}
                {items.length < data.counts[state] && <p className="list-status">{t('board.more', { shown: items.length, total: data.counts[state] })}</p>}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
};
