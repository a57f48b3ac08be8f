import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralPerson } from '../../../../shared/contract/referrals';
import { CustomerPicker } from '../../components/CustomerPicker';

export type ChosenReferrer = Pick<ReferralPerson, 'id' | 'name'> | null;

/**
 * "Referred by" in the customer form: search the customer who brought them inline (type, Enter),
 * shown once chosen with a way to remove it. Focus stays in the form as the field changes shape, so
 * Ctrl+Enter saves right after the pick. The core refuses a self-referral or a loop.
 */
export const ReferrerField = ({ value, onChange }: { value: ChosenReferrer; onChange: (next: ChosenReferrer) => void }) => {
  const { t } = useTranslation('referrals');
  // Set by a pick or a removal made here, so focus follows it (not on the form's first render).
  const changedHere = useRef(false);
  const focusIfChangedHere = (element: HTMLElement | null) => {
    if (element && changedHere.current) {
      changedHere.current = false;
      element.focus();
    }
  };
  if (value === null) {
    return (
      <div className="referrer-field">
        <CustomerPicker
          label={t('field.label')}
          placeholder={t('field.search')}
          inputRef={focusIfChangedHere}
          onPick={(picked) => {
            if (picked.kind !== 'customer') return;
            changedHere.current = true;
            onChange({ id: picked.customer.id, name: picked.customer.name });
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
        <button
          type="button"
          ref={focusIfChangedHere}
          className="button-link"
          aria-label={`${t('field.remove')}: ${value.name}`}
          onClick={() => {
            changedHere.current = true;
            onChange(null);
          }}
        >
          {t('field.remove')}
        </button>
      </div>
    </div>
  );
};
