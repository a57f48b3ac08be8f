import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InputOf } from '../../../../shared/contract';
import type { DuplicateCandidate } from '../../../../shared/contract/customers';
import { useApi } from '../../api/hooks';
import { useDebounced } from '../../components/useDebounced';
import './customer-form.css';

export type DuplicateProbe = Required<InputOf<'customers-find-duplicates'>>;

/** What the duplicate check looks at, trimmed; the form asks with it on save too, without waiting for the debounce. */
export const duplicateProbe = (fields: { name: string; phones: string[]; email: string }, excludeId: string | null): DuplicateProbe => ({
  name: fields.name.trim(),
  phones: fields.phones.map((phone) => phone.trim()).filter(Boolean),
  email: fields.email.trim(),
  excludeId,
});

export const isProbeEmpty = (probe: DuplicateProbe): boolean => probe.name === '' && probe.phones.length === 0 && probe.email === '';

/** The people the book may already hold, as the owner types (debounced). */
export const useDuplicateCandidates = (probe: DuplicateProbe): DuplicateCandidate[] => {
  const settled = useDebounced(probe, 250);
  const empty = isProbeEmpty(settled);
  const duplicates = useApi('customers-find-duplicates', settled, { enabled: !empty, keepPrevious: true });
  return empty || isProbeEmpty(probe) ? [] : (duplicates.data ?? []);
};

/** The same phone or e-mail is almost surely the same person; a similar name alone (two 陳先生) often is not. */
const isStrong = ({ reasons }: DuplicateCandidate): boolean => reasons.some((reason) => reason === 'phone' || reason === 'email');

/** Saving is held back until someone says each customer with the same phone or e-mail is another person. */
export const allConfirmed = (candidates: DuplicateCandidate[], confirmedIds: ReadonlySet<string>): boolean =>
  candidates.filter(isStrong).every(({ customer }) => confirmedIds.has(customer.id));

/** Whether the warning asks for the "another customer" checkbox at all. */
export const holdsSave = (candidates: DuplicateCandidate[]): boolean => candidates.some(isStrong);

interface DuplicateWarningProps {
  candidates: DuplicateCandidate[];
  confirmed: boolean;
  onConfirmedChange: (confirmed: boolean) => void;
  /** Set when a save was held back: the warning says why and the checkbox is where the keyboard goes. */
  heldBack: boolean;
  ref?: Ref<HTMLElement>;
}

/** Warns beside the name and phone fields when the person may already be in the book, shows who, and asks before saving. */
export const DuplicateWarning = ({ candidates, confirmed, onConfirmedChange, heldBack, ref }: DuplicateWarningProps) => {
  const { t } = useTranslation(['customers', 'common']);
  if (candidates.length === 0) return null;
  return (
    <aside ref={ref} className={`notice notice-warning duplicate-warning span-2${heldBack && !confirmed ? ' duplicate-held' : ''}`} role="alert" aria-labelledby="duplicate-title">
      <strong id="duplicate-title">{t('duplicates.title')}</strong>
      <ul>
        {candidates.map(({ customer, reasons }) => (
          <li key={customer.id}>
            <span className="row-name">{customer.name}</span> <span className="row-phones">{customer.phones.join(' · ')}</span>{' '}
            <span className="duplicate-reasons">({reasons.map((reason) => t(`duplicates.reasons.${reason}`)).join(', ')})</span>{' '}
            <Link to={`/customers/${customer.id}`}>{t('duplicates.open')}</Link>
          </li>
        ))}
      </ul>
      {heldBack && !confirmed && <p className="duplicate-held-text">{t('duplicates.heldBack')}</p>}
      {holdsSave(candidates) && (
        <label className="checkbox duplicate-confirm">
          <input id="duplicate-confirm" type="checkbox" checked={confirmed} onChange={(event) => onConfirmedChange(event.target.checked)} />
          {t('duplicates.keepGoing')}
        </label>
      )}
    </aside>
  );
};
