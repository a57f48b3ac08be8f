import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditFilters } from '../../../../shared/contract/audit';
import { apiOrThrow, ApiError } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { useAppLanguage } from '../../app/language';
import { useIsOwner } from '../../app/session';
import { DayField } from '../../components/DayField';
import { downloadText } from '../../components/download';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { AuditEntryView } from './AuditEntryView';
import { useAuditLabels } from './useAuditLabels';

const pageSize = 50;
const filterKeys = ['action', 'entity', 'entityId', 'staffId', 'from', 'to'] as const;

/** Filters live in the address, so "History" on a profile can link to one record's trail. */
const filtersFrom = (params: URLSearchParams): AuditFilters =>
  Object.fromEntries(filterKeys.map((key) => [key, params.get(key) || null])) as AuditFilters;

export const AuditPage = () => {
  const { t } = useTranslation(['audit', 'common']);
  const language = useAppLanguage();
  const toast = useToast();
  const describe = useDescribeError();
  const labels = useAuditLabels();
  const owner = useIsOwner();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const facets = useApi('audit-facets', {});
  const staff = useApi('staff-list', { includeInactive: true });
  const exportCsv = useApiMutation('audit-export');
  const trail = useInfiniteQuery({
    queryKey: ['audit-list', filters],
    queryFn: ({ pageParam }) => apiOrThrow('audit-list', { ...filters, before: pageParam, limit: pageSize }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const entries = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const recordName = filters.entityId ? entries.find((entry) => entry.entityId === filters.entityId)?.entityLabel : null;

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  const setFilter = (key: (typeof filterKeys)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const download = async () => {
    const result = await exportCsv.mutateAsync({ ...filters, language });
    if (!result.ok) return toast({ tone: 'error', text: describe(result.error) });
    downloadText(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
    toast({ tone: 'success', text: t('exported', { count: result.value.rows, file: result.value.fileName }) });
  };

  return (
    <section className="page audit" aria-labelledby="audit-title">
      <header className="page-header">
        <h1 id="audit-title">{t('title')}</h1>
        <span className="page-subtitle">{t('intro')}</span>
        {owner && (
          <div className="header-actions">
            <button type="button" className="button" disabled={exportCsv.isPending || !trail.isSuccess} onClick={() => void download()}>
              {t('export')}
            </button>
          </div>
        )}
      </header>
      <ErrorNotice error={trail.error instanceof ApiError ? trail.error.error : null} onRetry={() => void trail.refetch()} />
      {trail.isSuccess && (
        <>
          <form className="toolbar audit-filters" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
            <Field label={t('filters.action')}>
              <select value={filters.action ?? ''} onChange={(event) => setFilter('action', event.target.value)}>
                <option value="">{t('filters.all')}</option>
                {(facets.data?.actions ?? []).map((action) => (
                  <option key={action} value={action}>
                    {labels.action(action)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('filters.entity')}>
              <select value={filters.entity ?? ''} onChange={(event) => setFilter('entity', event.target.value)}>
                <option value="">{t('filters.all')}</option>
                {(facets.data?.entities ?? []).map((entity) => (
                  <option key={entity} value={entity}>
                    {labels.entity(entity)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('filters.staff')}>
              <select value={filters.staffId ?? ''} onChange={(event) => setFilter('staffId', event.target.value)}>
                <option value="">{t('filters.all')}</option>
                {(staff.data ?? []).map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('filters.from')}>
              <DayField value={filters.from ?? ''} max={filters.to ?? undefined} clearable onChange={(day) => setFilter('from', day)} />
            </Field>
            <Field label={t('filters.to')}>
              <DayField value={filters.to ?? ''} min={filters.from ?? undefined} clearable onChange={(day) => setFilter('to', day)} />
            </Field>
            {filterKeys.some((key) => filters[key] !== null) && (
              <button type="button" className="button-link" onClick={() => setParams({}, { replace: true })}>
                {t('filters.clear')}
              </button>
            )}
          </form>
          {filters.entityId && (
            <p className="notice notice-warning">
              {t('filters.onlyRecord', { name: recordName ?? filters.entityId })}
              <button type="button" className="button-link" onClick={() => setFilter('entityId', '')}>
                {t('filters.showAll')}
              </button>
            </p>
          )}
          {entries.length === 0 && <p className="empty-state">{t('empty')}</p>}
          <ol className="audit-list">
            {entries.map((entry) => (
              <AuditEntryView key={entry.id} entry={entry} labels={labels} />
            ))}
          </ol>
          {trail.hasNextPage && (
            <button type="button" className="button" disabled={trail.isFetchingNextPage} onClick={() => void trail.fetchNextPage()}>
              {trail.isFetchingNextPage ? t('common:loading') : t('common:actions.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
};
