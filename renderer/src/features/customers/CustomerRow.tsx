import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { CustomerListRow, CustomerSummary } from '../../../../shared/contract/customers';
import type { useFormat } from '../../app/format';

const isListRow = (customer: CustomerSummary | CustomerListRow): customer is CustomerListRow => 'revenueMinor' in customer;

/** What every row shares, made once by the list: a row mounts on each frame of a scroll, so it has no hooks of its own. */
export interface RowContext {
  t: TFunction<['customers', 'common']>;
  format: ReturnType<typeof useFormat>;
}

/**
 * One line of the customer list: enough to tell two 陳小姐 apart at a glance, then the last visit,
 * visits and (for the owner) spend in columns; search results have no columns. Memoised: while the
 * list scrolls it re-renders on every frame, and a row whose customer did not change is kept.
 */
export const CustomerRow = memo(function CustomerRow({ customer, showSpend, context }: { customer: CustomerSummary | CustomerListRow; showSpend: boolean; context: RowContext }) {
  const { t, format } = context;
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
      {isListRow(customer) ? (
        <>
          {/* A customer who never visited has no last visit: "never", not "today". */}
          <span className="row-meta">{customer.lastVisitAt === null ? t('list.never') : format.relativeDay(customer.lastVisitAt)}</span>
          <span className="row-meta row-number">{format.count(customer.visitCount)}</span>
          {showSpend && <span className="row-meta row-number">{customer.revenueMinor === null ? '' : format.money(customer.revenueMinor)}</span>}
        </>
      ) : (
        <span className="row-meta">
          {t('list.visits', { count: customer.visitCount })}
          {customer.lastVisitAt !== null ? (
            <> · {t('list.lastVisit', { when: format.relativeDay(customer.lastVisitAt) })}</>
          ) : (
            customer.lastContactAt !== null && <> · {t('list.lastContact', { when: format.relativeDay(customer.lastContactAt) })}</>
          )}
        </span>
      )}
    </>
  );
});
