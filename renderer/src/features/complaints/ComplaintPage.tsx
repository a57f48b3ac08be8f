import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ComplaintDetail, ComplaintTransition } from '../../../../shared/contract/complaints';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ConflictsBlock } from '../conflicts/ConflictsBlock';
import { ComplaintActions } from './ComplaintActions';
import { PromiseBadge, useNow } from './PromiseBadge';

const Step = ({ step }: { step: ComplaintTransition }) => {
  const { t } = useTranslation('complaints');
  const format = useFormat();
  // A step taken with the owner unlocked is the owner's: the staff member chosen at the counter did not decide it.
  const who = step.role === 'owner' ? t('steps.owner') : step.staffName;
  return (
    <li className="complaint-step">
      <time dateTime={step.at}>{format.dateTime(step.at)}</time>
      <span className="complaint-step-what">
        <strong>{t(`steps.${step.action}`)}</strong>
        {step.fromState !== step.toState && <span className="badge">{t(`states.${step.toState}`)}</span>}
        {who && <span className="muted">{t('steps.by', { name: who })}</span>}
      </span>
      {step.note && <span className="complaint-step-note">{step.note}</span>}
    </li>
  );
};

const Facts = ({ detail }: { detail: ComplaintDetail }) => {
  const { t } = useTranslation(['complaints', 'common']);
  const format = useFormat();
  const { complaint } = detail;
  return (
    <dl className="complaint-facts">
      {complaint.resolution && (
        <>
          <dt>{t('detail.resolution')}</dt>
          <dd>{complaint.resolution}</dd>
        </>
      )}
      {complaint.compensation && (
        <>
          <dt>{t('detail.compensation')}</dt>
          <dd>
            {t(`compensationKinds.${complaint.compensation.kind}`)}{' '}
            {complaint.compensation.amountMinor === null ? <span className="muted">({t('detail.compensationHidden')})</span> : format.money(complaint.compensation.amountMinor)}
          </dd>
        </>
      )}
      {complaint.resolvedAt && (
        <>
          <dt>{t('detail.satisfaction')}</dt>
          <dd>{complaint.satisfaction === null ? <span className="muted">{t('detail.noSatisfaction')}</span> : t(`common:satisfaction.${complaint.satisfaction}`)}</dd>
        </>
      )}
    </dl>
  );
};

/** One complaint: its promises counting down or settled, what can be done next, and every step so far. */
export const ComplaintPage = () => {
  const { t } = useTranslation(['complaints', 'common']);
  const format = useFormat();
  const { id = '' } = useParams();
  const now = useNow();
  const detail = useApi('complaints-get', { id });

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  const data = detail.data;
  const earlier = data ? data.promises.filter((promise) => promise.id !== data.complaint.reply.id && promise.id !== data.complaint.resolve.id) : [];
  return (
    <section className="page complaint-detail" aria-labelledby="complaint-title">
      <p>
        <Link to="/complaints">← {t('detail.back')}</Link>
      </p>
      <ErrorNotice error={detail.error instanceof ApiError ? detail.error.error : null} onRetry={() => void detail.refetch()} />
      {!data && !detail.error && <p className="list-status">{t('common:loading')}</p>}
      {data && (
        <>
          <header className="page-header">
            <h1 id="complaint-title">
              {data.complaint.customerName ?? t('board.anonymous')} · {t(`categories.${data.complaint.category}`)}
            </h1>
            <span className={`badge state-badge state-${data.complaint.state}`}>{t(`states.${data.complaint.state}`)}</span>
            <span className={`badge severity-badge severity-${data.complaint.severity}`}>{t(`severities.${data.complaint.severity}`)}</span>
            {data.complaint.customerId && (
              <div className="header-actions">
                <Link className="button" to={`/customers/${data.complaint.customerId}`}>
                  {t('detail.openCustomer')}
                </Link>
              </div>
            )}
          </header>
          <ConflictsBlock record={{ kind: 'complaint', id: data.complaint.id }} />
          <div className="complaint-layout">
            <div>
              <div className="card">
                <p className="muted">
                  {t('detail.received', { time: format.dateTime(data.complaint.receivedAt), channel: t(`channels.${data.complaint.channel}`) })} ·{' '}
                  {t('detail.owner', { name: data.complaint.ownerStaffName ?? t('detail.nobody') })}
                </p>
                <p className="complaint-description">{data.complaint.description}</p>
                <h2>{t('detail.promises')}</h2>
                <ul className="complaint-promises">
                  <li>
                    <PromiseBadge promise={data.complaint.reply} now={now} />
                  </li>
                  <li>
                    <PromiseBadge promise={data.complaint.resolve} now={now} />
                  </li>
                  {earlier.map((promise) => (
                    <li key={promise.id} className="muted">
                      {t('detail.earlierPromise')}: <PromiseBadge promise={promise} now={now} />
                    </li>
                  ))}
                </ul>
                <Facts detail={data} />
              </div>
              <ComplaintActions key={data.complaint.updatedAt} detail={data} />
            </div>
            <section className="card" aria-labelledby="complaint-history">
              <h2 id="complaint-history">{t('detail.history')}</h2>
              <ol className="complaint-steps">
                {data.transitions.map((step) => (
                  <Step key={step.id} step={step} />
                ))}
              </ol>
            </section>
          </div>
        </>
      )}
    </section>
  );
};
