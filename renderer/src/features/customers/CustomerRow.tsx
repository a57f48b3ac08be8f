import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../shared/contract/customers';
import { useFormat } from '../../app/format';

/**
 * One line of the customer list: enough to tell two 陳小姐 apart at a glance. Memoised: while the
 * list scrolls it re-renders on every frame, and a row whose customer did not change is kept.
 */
export const CustomerRow = memo(function CustomerRow({ customer }: { customer: CustomerSummary }) {
  const { t } = useTranslation(['customers', 'common']);
  const format = useFormat();
  return (
    <>
      <span className="row-main">
        <span className="row-name">{customer.name}</span>
        {customer.archived && <span className="badge badge-muted">{t('list.archived')}</span>}
        {customer.tags.map((tag) => (
          <span key={tag} className="badge">
            {tag}
          </span>
        ))}
      </span>
      <span className="row-phones">{customer.phones.join(' · ')}</span>
      <span className="row-meta">
        {t('list.visits', { count: customer.visitCount })}
        {customer.lastVisitAt !== null ? (
          <> · {t('list.lastVisit', { when: format.relativeDay(customer.lastVisitAt) })}</>
        ) : (
          customer.lastContactAt !== null && <> · {t('list.lastContact', { when: format.relativeDay(customer.lastContactAt) })}</>
        )}
      </span>
    </>
  );
});
