import { useTranslation } from 'react-i18next';
import { useToast } from '../../components/Toast';

/** The customer's phones as buttons that copy the number: the app makes calls easy, it does not place them. */
export const PhoneChips = ({ phones }: { phones: readonly string[] }) => {
  const { t } = useTranslation('reminders');
  const toast = useToast();
  if (phones.length === 0) return <span className="muted">{t('item.noPhone')}</span>;
  const copy = (phone: string) => void navigator.clipboard?.writeText(phone).then(() => toast({ tone: 'success', text: t('item.copied', { phone }) }));
  return (
    <span className="reminder-phones">
      {phones.map((phone) => (
        <button key={phone} type="button" className="phone-chip" aria-label={t('item.copyPhone', { phone })} title={t('item.copyPhone', { phone })} onClick={() => copy(phone)}>
          {phone}
        </button>
      ))}
    </span>
  );
};
