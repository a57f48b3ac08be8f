import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ArchivedVisit } from '../../../../shared/contract/archive';
import { ApiError } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useIsOwner } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { PurgeCustomerDialog } from './PurgeDialog';
import { SharedHistoryNotice } from './SharedHistoryNotice';

const pageSize = 50;

const useAnnounce = () => {
  const { t } = useTranslation(['archive', 'common']);
  const toast = useToast();
  const describe = useDescribeError();
  return (result: { ok: true } | { ok: false; error: Parameters<typeof describe>[0] }, done: string = t('restored')) =>
    toast(result.ok ? { tone: 'success', text: done } : { tone: 'error', text: describe(result.error) });
};

const ArchivedCustomers = () => {
  const { t } = useTranslation(['archive', 'common']);
  const format = useFormat();
  const announce = useAnnounce();
  const [limit, setLimit] = useState(pageSize);
  const customers = useApi('archive-customers', { limit });
  const restore = useApiMutation('customers-unarchive');
  const [purging, setPurging] = useState<string | null>(null);
  if (customers.error instanceof ApiError) return <ErrorNotice error={customers.error.error} />;
  const rows = customers.data?.rows ?? [];
  return (
    <section className="card" aria-labelledby="archived-customers-title">
      <h2 id="archived-customers-title">
        {t('customers')} {customers.data && <span className="badge">{customers.data.total}</span>}
      </h2>
      {customers.isSuccess && rows.length === 0 && <p className="empty-state">{t('emptyCustomers')}</p>}
      <ul className="archive-list">
        {rows.map((customer) => (
          <li key={customer.id}>
            <span className="archive-what">
              <Link to={`/customers/${customer.id}`}>{customer.name}</Link> <span className="row-phones">{customer.phones.join(' · ')}</span>
            </span>
            <span className="archive-when">{t('archivedOn', { date: format.date(customer.archivedAt) })}</span>
            <span className="archive-actions">
              <button type="button" className="button" onClick={() => void restore.mutateAsync({ id: customer.id }).then((result) => announce(result))}>
                {t('restore')}
              </button>
              <button type="button" className="button button-danger-quiet" onClick={() => setPurging(customer.id)}>
                {t('purge')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {customers.data && customers.data.total > rows.length && (
        <button type="button" className="button" onClick={() => setLimit((current) => current + pageSize)}>
          {t('more')}
        </button>
      )}
      {purging !== null && <PurgeCustomerDialog customerId={purging} onClose={() => setPurging(null)} onPurged={() => setPurging(null)} />}
    </section>
  );
};

const VisitSummary = ({ visit }: { visit: ArchivedVisit }) => {
  const { t } = useTranslation(['archive', 'common']);
  const format = useFormat();
  const what =
    visit.kind === 'contact'
      ? t(`common:contactMethods.${visit.channel as 'call'}`)
      : visit.amountMinor !== null
        ? format.money(visit.amountMinor)
        : t(`common:channels.${visit.channel as 'store'}`);
  return (
    <span className="archive-what">
      {format.dateTime(visit.occurredAt)} · {visit.customerId ? <Link to={`/customers/${visit.customerId}`}>{visit.customerName}</Link> : t('walkIn')} · {what}
      {visit.items && <span className="muted"> · {visit.items}</span>}
    </span>
  );
};

const ArchivedVisits = () => {
  const { t } = useTranslation(['archive', 'common']);
  const format = useFormat();
  const announce = useAnnounce();
  const [limit, setLimit] = useState(pageSize);
  const visits = useApi('archive-visits', { limit });
  const restore = useApiMutation('visits-unarchive');
  const purge = useApiMutation('visits-purge');
  const [purging, setPurging] = useState<ArchivedVisit | null>(null);
  if (visits.error instanceof ApiError) return <ErrorNotice error={visits.error.error} />;
  const rows = visits.data?.rows ?? [];
  return (
    <section className="card" aria-labelledby="archived-visits-title">
      <h2 id="archived-visits-title">
        {t('visits')} {visits.data && <span className="badge">{visits.data.total}</span>}
      </h2>
      {visits.isSuccess && rows.length === 0 && <p className="empty-state">{t('emptyVisits')}</p>}
      <ul className="archive-list">
        {rows.map((visit) => (
          <li key={visit.id}>
            <VisitSummary visit={visit} />
            <span className="archive-when">{t('archivedOn', { date: format.date(visit.archivedAt) })}</span>
            <span className="archive-actions">
              <button type="button" className="button" onClick={() => void restore.mutateAsync({ id: visit.id }).then((result) => announce(result))}>
                {t('restore')}
              </button>
              <button type="button" className="button button-danger-quiet" onClick={() => setPurging(visit)}>
                {t('purge')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {visits.data && visits.data.total > rows.length && (
        <button type="button" className="button" onClick={() => setLimit((current) => current + pageSize)}>
          {t('more')}
        </button>
      )}
      {purging !== null && (
        <Dialog title={t('visitPurgeTitle')} onClose={() => setPurging(null)} className="dialog-danger">
          <p>
            <VisitSummary visit={purging} />
          </p>
          <p>{t('visitPurgeBody')}</p>
          <SharedHistoryNotice what="visit" />
          <div className="form-actions">
            <button type="button" className="button" data-autofocus onClick={() => setPurging(null)}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={purge.isPending}
              onClick={() =>
                void purge.mutateAsync({ id: purging.id }).then((result) => {
                  announce(result, t('visitPurged'));
                  setPurging(null);
                })
              }
            >
              {t('purgeConfirm')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
};

/** The owner's archive: everything soft-deleted, to restore or to delete for good. */
export const ArchivePage = () => {
  const { t } = useTranslation(['archive', 'common']);
  const owner = useIsOwner();
  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);
  return (
    <section className="page archive" aria-labelledby="archive-title">
      <header className="page-header">
        <h1 id="archive-title">{t('title')}</h1>
        <span className="page-subtitle">{t('intro')}</span>
      </header>
      {owner ? (
        <>
          <ArchivedCustomers />
          <ArchivedVisits />
        </>
      ) : (
        // The same refusal the core gives staff, said once for the whole page.
        <ErrorNotice error={{ code: 'FORBIDDEN', message: 'FORBIDDEN', details: { required: 'owner' } }} />
      )}
    </section>
  );
};
