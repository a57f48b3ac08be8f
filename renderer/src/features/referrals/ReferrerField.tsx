import { useTranslation } from 'react-i18next';
import type { ReferralPerson } from '../../../../shared/contract/referrals';
import { CustomerPicker } from '../../components/CustomerPicker';

export type ChosenReferrer = Pick<ReferralPerson, 'id' | 'name'> | null;

/**
 * "Referred by" in the customer form: search the customer who brought them inline (type, Enter),
 * shown once chosen with a way to change or remove it. The core refuses a self-referral or a loop.
 */
export const ReferrerField = ({ value, onChange }: { value: ChosenReferrer; onChange: (next: ChosenReferrer) => void }) => {
  const { t } = useTranslation('referrals');
  if (value === null) {
    return (
      <div className="referrer-field">
        <CustomerPicker
          label={t('field.label')}
          placeholder={t('field.search')}
          onPick={(picked) => {
            if (picked.kind === 'customer') onChange({ id: picked.customer.id, name: picked.customer.name });
          }}
        />
        <span className="field-hint">{t('field.hint')}</span>
      </div>
    );
  }
  return (
    <div className="referrer-field" role="group" aria-labelledby="referrer-chosen-label">
      <span id="referrer-chosen-label" className="field-label">
        {t('field.label')}
      </span>
      <div className="referrer-chosen">
        <strong>{value.name}</strong>
        <button type="button" className="button-link" aria-label={`${t('field.remove')}: ${value.name}`} onClick={() => onChange(null)}>
          {t('field.remove')}
        </button>
      </div>
    </div>
  );
};
