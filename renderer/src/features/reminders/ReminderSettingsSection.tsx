import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderSettings } from '../../../../shared/contract/reminders';
import type { AppError } from '../../../../shared/errors';
import { currencyExponent, parseAmount } from '../../../../shared/money';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSettings } from '../../app/settings';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';

type NumberKey = Exclude<{ [K in keyof ReminderSettings]: ReminderSettings[K] extends number ? K : never }[keyof ReminderSettings], undefined>;

const followUpNumbers: readonly NumberKey[] = ['followUpDays'];
const lapseNumbers: readonly NumberKey[] = ['lapseMultiplier', 'lapseMinDays', 'lapseMaxDays', 'lapseMinVisits', 'lapseFallbackDays', 'winBackWindowDays', 'winBackRetryDays'];

const amountText = (minor: number | null, currency: string): string => (minor === null ? '' : String(minor / 10 ** currencyExponent(currency)));

/** The reminder rules on the settings page; the owner changes them, staff see them. */
export const ReminderSettingsSection = () => {
  const settings = useApi('reminders-settings-get', {});
  const session = useApi('session-get', {});
  const shop = useSettings();
  if (!settings.data || !shop) return null;
  return <ReminderSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} currency={shop.currency} editable={session.data?.role === 'owner'} />;
};

const ReminderSettingsForm = ({ settings, currency, editable }: { settings: ReminderSettings; currency: string; editable: boolean }) => {
  const { t } = useTranslation(['reminders', 'common']);
  const toast = useToast();
  const update = useApiMutation('reminders-settings-update');
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>(
    () => Object.fromEntries([...followUpNumbers, 'birthdayLeadDays', ...lapseNumbers].map((key) => [key, String(settings[key as NumberKey])])) as Record<NumberKey, string>,
  );
  const [firstVisit, setFirstVisit] = useState(settings.followUpFirstVisit);
  const [amount, setAmount] = useState(amountText(settings.followUpMinAmountMinor, currency));
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = amount.trim();
    const minAmount = typed === '' ? null : parseAmount(typed, currency);
    if (typed !== '' && minAmount === null) {
      return setError({ code: 'VALIDATION_FAILED', message: '', details: { issues: [{ path: 'followUpMinAmountMinor', rule: 'invalid_type' }] } });
    }
    const changes = { ...Object.fromEntries(Object.entries(numbers).map(([key, value]) => [key, Number(value)])), followUpFirstVisit: firstVisit, followUpMinAmountMinor: minAmount };
    const result = await update.mutateAsync(changes);
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: t('settings.saved') });
  };

  const numberField = (key: NumberKey) => (
    <Field key={key} label={t(`settings.${key}`)} issue={issues.get(key)}>
      <input type="number" inputMode="decimal" step={key === 'lapseMultiplier' ? 0.1 : 1} value={numbers[key]} onChange={(event) => setNumbers({ ...numbers, [key]: event.target.value })} />
    </Field>
  );

  return (
    <form className="card" aria-labelledby="reminder-settings-title" onSubmit={(event) => void submit(event)}>
      <h2 id="reminder-settings-title">{t('settings.title')}</h2>
      {!editable && <p className="notice notice-warning">{t('settings.ownerOnly')}</p>}
      <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
      <fieldset className="field-group" disabled={!editable}>
        <legend>{t('settings.followUp')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={firstVisit} onChange={(event) => setFirstVisit(event.target.checked)} />
          {t('settings.followUpFirstVisit')}
        </label>
        <div className="form-grid">
          <Field label={t('settings.followUpMinAmount')} issue={issues.get('followUpMinAmountMinor')} hint={t('settings.followUpMinAmountHint')}>
            <input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
          </Field>
          {followUpNumbers.map(numberField)}
        </div>
      </fieldset>
      <fieldset className="field-group" disabled={!editable}>
        <legend>{t('settings.birthday')}</legend>
        <div className="form-grid">{numberField('birthdayLeadDays')}</div>
      </fieldset>
      <fieldset className="field-group" disabled={!editable}>
        <legend>{t('settings.lapse')}</legend>
        <p className="field-hint">{t('settings.hint')}</p>
        <div className="form-grid">{lapseNumbers.map(numberField)}</div>
      </fieldset>
      {editable && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {t('common:actions.save')}
          </button>
        </div>
      )}
    </form>
  );
};
