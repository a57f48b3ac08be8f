import { useTranslation } from 'react-i18next';
import type { PickedCustomer } from '../../components/CustomerPicker';
import { CounterCard } from './CounterCard';

/** The chosen customer (or walk-in), with a way back to the search, and what to know about them. */
export const SelectedCustomer = ({ picked, onChange }: { picked: PickedCustomer; onChange: () => void }) => (
  <>
    <SelectedName picked={picked} onChange={onChange} />
    {picked.kind === 'customer' && <CounterCard customerId={picked.customer.id} />}
  </>
);

const SelectedName = ({ picked, onChange }: { picked: PickedCustomer; onChange: () => void }) => {
  const { t } = useTranslation(['counter', 'common']);
  return (
    <div className="selected-customer" aria-live="polite">
      <span className="selected-label">{t('visit.customer')}</span>
      {picked.kind === 'walk-in' ? (
        <strong>{t('visit.walkIn')}</strong>
      ) : (
        <>
          <strong>{picked.customer.name}</strong>
          <span className="row-phones">{picked.customer.phones.join(' · ')}</span>
        </>
      )}
      <button type="button" className="button-link" onClick={onChange}>
        {t('visit.change')}
      </button>
    </div>
  );
};
