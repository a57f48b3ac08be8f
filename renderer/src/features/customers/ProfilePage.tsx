import { useDeferredValue, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import { ApiError } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useIsOwner } from '../../app/session';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { PurgeCustomerDialog } from '../archive/PurgeDialog';
import { ConflictsBlock } from '../conflicts/ConflictsBlock';
import { MergeHistory } from '../merge/MergeHistory';
import { ProfileLoyalty } from '../loyalty/ProfileLoyalty';
import { SatisfactionCapture } from '../loyalty/SatisfactionCapture';
import { ReferralSection } from '../referrals/ReferralSection';
import { CustomerRelationship } from '../reminders/CustomerRelationship';
import { QuickNote } from './QuickNote';
import { Timeline } from './Timeline';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </>
);

export const ProfilePage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation(['customers', 'common']);
  // Asked for with the timeline as the route opened (readProfileAhead in App.tsx): found here on its way.
  const customer = useApi('customers-get', { id });
  if (customer.error instanceof ApiError) {
    return (
      <section className="page">
        <ErrorNotice error={customer.error.error} />
      </section>
    );
  }
  if (!customer.data) return <p className="page">{t('common:loading')}</p>;
  return <Profile customer={customer.data} />;
};

const Profile = ({ customer }: { customer: CustomerDetail }) => {
  const { t } = useTranslation(['customers', 'common', 'merge', 'archive']);
  const format = useFormat();
  const toast = useToast();
  const navigate = useNavigate();
  const owner = useIsOwner();
  const [purging, setPurging] = useState(false);
  const describe = useDescribeError();
  const staff = useApi('staff-list', { includeInactive: true });
  const archive = useApiMutation('customers-archive');
  const unarchive = useApiMutation('customers-unarchive');
  const ownerName = staff.data?.find((member) => member.id === customer.ownerStaffId)?.name;
  const archived = customer.archivedAt !== null;
  const none = t('common:none');
  // The customer's facts and timeline draw first; the panels that read their own data (merges,
  // conflicts, follow-ups, loyalty, satisfaction, referrals) join in a pass right after, so the first
  // paint waits neither for their code nor for their reads, which then arrive as each answers.
  const panelsShown = useDeferredValue(true, false);

  useEffect(() => {
    document.title = `${customer.name} · ${t('common:appName')}`;
  }, [customer.name, t]);

  const toggleArchive = async () => {
    const result = archived ? await unarchive.mutateAsync({ id: customer.id }) : await archive.mutateAsync({ id: customer.id });
    toast(
      result.ok
        ? { tone: 'success', text: t(archived ? 'profile.restoredDone' : 'profile.archivedDone', { name: customer.name }) }
        : { tone: 'error', text: describe(result.error) },
    );
  };

  const copy = (phone: string) => {
    void navigator.clipboard?.writeText(phone).then(() => toast({ tone: 'success', text: t('profile.copied', { phone }) }));
  };

  return (
    <section className="page profile" aria-labelledby="profile-name">
      <header className="page-header">
        <h1 id="profile-name">{customer.name}</h1>
        <span className="page-subtitle">{t('profile.since', { date: format.date(customer.createdAt) })}</span>
        <div className="header-actions">
          {!archived && (
            <>
              <Link className="button button-primary" to={`/counter?customer=${customer.id}`}>
                {t('profile.logVisit')}
              </Link>
              <Link className="button" to={`/counter?customer=${customer.id}&mode=contact`}>
                {t('profile.logContact')}
              </Link>
              <Link className="button" to={`/complaints?log=${customer.id}`}>
                {t('profile.logComplaint')}
              </Link>
            </>
          )}
          <Link className="button" to={`/customers/${customer.id}/edit`}>
            {t('common:actions.edit')}
          </Link>
          <button type="button" className="button" onClick={() => void toggleArchive()}>
            {archived ? t('common:actions.unarchive') : t('common:actions.archive')}
          </button>
          {owner && !archived && (
            <Link className="button" to={`/customers/${customer.id}/merge`}>
              {t('merge:action')}
            </Link>
          )}
          {owner && (
            <Link className="button" to={`/audit?entityId=${customer.id}`}>
              {t('profile.history')}
            </Link>
          )}
          {owner && archived && (
            <button type="button" className="button button-danger-quiet" onClick={() => setPurging(true)}>
              {t('archive:purge')}
            </button>
          )}
        </div>
      </header>
      {panelsShown && owner && <MergeHistory customerId={customer.id} />}
      {purging && <PurgeCustomerDialog customerId={customer.id} onClose={() => setPurging(false)} onPurged={() => navigate('/customers', { replace: true })} />}
      {archived && customer.archivedAt && <p className="notice notice-warning">{t('profile.archivedBanner', { date: format.date(customer.archivedAt) })}</p>}
      {panelsShown && <ConflictsBlock record={{ kind: 'customer', id: customer.id }} />}
      <div className="profile-columns">
        <div className="profile-facts">
          <div className="phones">
            {customer.phones.length === 0 && <span className="muted">{t('profile.noPhone')}</span>}
            {customer.phones.map((phone) => (
              <button key={phone.display} type="button" className="phone-chip" title={t('profile.copyPhone', { phone: phone.display })} onClick={() => copy(phone.display)}>
                {phone.display}
              </button>
            ))}
          </div>
          <section className="profile-notes" aria-labelledby="profile-notes-title">
            <h2 id="profile-notes-title">{t('form.notes')}</h2>
            {customer.notes && <p className="notes">{customer.notes}</p>}
            {!archived && <QuickNote customerId={customer.id} name={customer.name} />}
          </section>
          <dl className="stats">
            <Fact label={t('profile.visitCount')}>{customer.visitCount}</Fact>
            <Fact label={t('profile.lastVisit')}>{customer.lastVisitAt ? format.relativeDay(customer.lastVisitAt) : none}</Fact>
            <Fact label={t('profile.lastContact')}>{customer.lastContactAt ? format.relativeDay(customer.lastContactAt) : none}</Fact>
            {customer.revenueMinor !== null && <Fact label={t('profile.lifetimeSpend')}>{format.money(customer.revenueMinor)}</Fact>}
          </dl>
          {panelsShown && (
            <>
              <CustomerRelationship customerId={customer.id} name={customer.name} archived={archived} />
              {owner && !archived && <ProfileLoyalty customerId={customer.id} />}
              {!archived && <SatisfactionCapture customerId={customer.id} />}
              <ReferralSection customerId={customer.id} />
            </>
          )}
          <h2>{t('profile.facts')}</h2>
          <dl className="facts">
            <Fact label={t('form.email')}>{customer.email || none}</Fact>
            <Fact label={t('form.birthday')}>
              {customer.birthday ? format.birthday(customer.birthday) : none}
            </Fact>
            <Fact label={t('form.tags')}>{customer.tags.join(', ') || none}</Fact>
            <Fact label={t('form.interests')}>{customer.interests.join(', ') || none}</Fact>
            <Fact label={t('form.source')}>{customer.source ? t(`common:sources.${customer.source}`) : none}</Fact>
            <Fact label={t('form.needType')}>{customer.needType ? t(`common:needTypes.${customer.needType}`) : none}</Fact>
            <Fact label={t('form.gender')}>{customer.gender ? t(`common:genders.${customer.gender}`) : none}</Fact>
            <Fact label={t('form.ownerStaff')}>{ownerName ?? none}</Fact>
            <Fact label={t('form.consent')}>{customer.consentToContact ? t('profile.consentYes') : t('profile.consentNo')}</Fact>
            <Fact label={t('form.address')}>{customer.address || none}</Fact>
          </dl>
        </div>
        <Timeline customerId={customer.id} />
      </div>
    </section>
  );
};
