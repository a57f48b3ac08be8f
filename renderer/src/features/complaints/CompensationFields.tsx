import { useTranslation } from 'react-i18next';
import { compensationKinds, type CompensationKind } from '../../../../shared/contract/complaints';
import { parseAmount } from '../../../../shared/money';
import { useFormat } from '../../app/format';
import { Field } from '../../components/Field';

export interface CompensationDraft {
  kind: CompensationKind | '';
  amount: string;
}

export const emptyCompensation: CompensationDraft = { kind: '', amount: '' };

/** The draft as the handler takes it: null for none, 'invalid' when the amount cannot be read. */
export const compensationOf = (draft: CompensationDraft, currency: string): { kind: CompensationKind; amountMinor: number } | null | 'invalid' => {
  if (draft.kind === '') return null;
  const amountMinor = draft.amount.trim() === '' ? 0 : parseAmount(draft.amount, currency);
  return amountMinor === null ? 'invalid' : { kind: draft.kind, amountMinor };
};

/** Kind and amount of a compensation, with the staff limit as the hint. */
export const CompensationFields = ({ draft, onChange, invalid, limitMinor }: { draft: CompensationDraft; onChange: (next: CompensationDraft) => void; invalid: boolean; limitMinor: number }) => {
  const { t } = useTranslation('complaints');
  const format = useFormat();
  return (
    <div className="form-grid">
      <Field label={t('actions.compensationKind')}>
        <select value={draft.kind} onChange={(event) => onChange({ ...draft, kind: event.target.value as CompensationKind | '' })}>
          <option value="">{t('actions.noCompensation')}</option>
          {compensationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`compensationKinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      {draft.kind !== '' && (
        <Field
          label={`${t('actions.amount')} (${format.currency})`}
          hint={invalid ? <span className="field-error">{t('actions.amountInvalid')}</span> : t('actions.limit', { limit: format.money(limitMinor) })}
        >
          <input inputMode="decimal" autoComplete="off" value={draft.amount} onChange={(event) => onChange({ ...draft, amount: event.target.value })} />
        </Field>
      )}
    </div>
  );
};
