import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/hooks';
import { useDebounced } from '../../components/useDebounced';

interface DuplicateWarningProps {
  name: string;
  phones: string[];
  email: string;
  excludeId: string | null;
}

/** Warns while typing when the person may already be in the book, and shows who. */
export const DuplicateWarning = (props: DuplicateWarningProps) => {
  const { t } = useTranslation(['customers', 'common']);
  const probe = useDebounced(
    { name: props.name.trim(), phones: props.phones.map((phone) => phone.trim()).filter(Boolean), email: props.email.trim(), excludeId: props.excludeId },
    250,
  );
  const empty = probe.name === '' && probe.phones.length === 0 && probe.email === '';
  const duplicates = useApi('customers-find-duplicates', probe, { enabled: !empty, keepPrevious: true });
  const candidates = empty ? [] : (duplicates.data ?? []);
  if (candidates.length === 0) return null;
  return (
    <aside className="notice notice-warning duplicate-warning" role="alert" aria-labelledby="duplicate-title">
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
      <p className="field-hint">{t('duplicates.keepGoing')}</p>
    </aside>
  );
};
