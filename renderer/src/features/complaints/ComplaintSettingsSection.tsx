import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSettings } from '../../../../shared/contract/complaints';
import { severities } from '../../../../shared/complaints/deadlines';
import type { AppError } from '../../../../shared/errors';
import { currencyExponent, parseAmount } from '../../../../shared/money';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSettings } from '../../app/settings';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';

type HoursKey = 'replyHoursLow' | 'replyHoursMedium' | 'replyHoursHigh' | 'resolveHoursLow' | 'resolveHoursMedium' | 'resolveHoursHigh';

const hoursKey = (promise: 'reply' | 'resolve', severity: (typeof severities)[number]): HoursKey =>
  `${promise}Hours${severity.charAt(0).toUpperCase()}${severity.slice(1)}` as HoursKey;

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** The promise hours per severity, opening hours, the staff compensation limit and the follow-up day: the owner sets them. */
export const ComplaintSettingsSection = () => {
  const settings = useApi('complaints-settings-get', {});
  const session = useApi('session-get', {});
  const shop = useSettings();
  if (!settings.data || !shop) return null;
  return <ComplaintSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} currency={shop.currency} editable={session.data?.role === 'owner'} />;
};

const ComplaintSettingsForm = ({ settings, currency, editable }: { settings: ComplaintSettings; currency: string; editable: boolean }) => {
  const { t } = useTranslation(['complaints', 'common']);
  const toast = useToast();
  const update = useApiMutation('complaints-settings-update');
  const [hours, setHours] = useState<Record<HoursKey, string>>(() => {
    const entries = (['reply', 'resolve'] as const).flatMap((promise) => severities.map((severity) => hoursKey(promise, severity)));
    return Object.fromEntries(entries.map((key) => [key, String(settings[key])])) as Record<HoursKey, string>;
  });
  const [openingHoursOnly, setOpeningHoursOnly] = useState(settings.openingHoursOnly);
  const [opensAt, setOpensAt] = useState(settings.opensAt);
  const [closesAt, setClosesAt] = useState(settings.closesAt);
  const [openDays, setOpenDays] = useState<number[]>(settings.openDays);
  const [limit, setLimit] = useState(String(settings.compensationLimitMinor / 10 ** currencyExponent(currency)));
  const [followUpDays, setFollowUpDays] = useState(String(settings.followUpDays));
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const limitMinor = parseAmount(limit, currency);
    if (limitMinor === null) return setError({ code: 'VALIDATION_FAILED', message: '', details: { issues: [{ path: 'compensationLimitMinor', rule: 'invalid_type' }] } });
    const result = await update.mutateAsync({
      ...Object.fromEntries(Object.entries(hours).map(([key, value]) => [key, Number(value)])),
      openingHoursOnly,
      opensAt,
      closesAt,
      openDays: [...openDays].sort(),
      compensationLimitMinor: limitMinor,
      followUpDays: Number(followUpDays),
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: t('settings.saved') });
  };

  return (
    <form className="card" aria-labelledby="complaint-settings-title" onSubmit={(event) => void submit(event)}>
      <h2 id="complaint-settings-title">{t('settings.title')}</h2>
      {!editable && <p className="notice notice-warning">{t('settings.ownerOnly')}</p>}
      <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
      {(['reply', 'resolve'] as const).map((promise) => (
        <fieldset key={promise} className="field-group" disabled={!editable}>
          <legend>{t(`settings.${promise}`)}</legend>
          <div className="form-grid">
            {severities.map((severity) => {
              const key = hoursKey(promise, severity);
              return (
                <Field key={key} label={t(`severities.${severity}`)} issue={issues.get(key)}>
                  <input type="number" inputMode="decimal" step={0.5} value={hours[key]} onChange={(event) => setHours({ ...hours, [key]: event.target.value })} />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
      <fieldset className="field-group" disabled={!editable}>
        <legend>{t('settings.openingHours')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={openingHoursOnly} onChange={(event) => setOpeningHoursOnly(event.target.checked)} />
          {t('settings.openingHoursOnly')}
        </label>
        <div className="form-grid">
          <Field label={t('settings.opensAt')} issue={issues.get('opensAt')}>
            <input type="time" value={opensAt} onChange={(event) => setOpensAt(event.target.value)} />
          </Field>
          <Field label={t('settings.closesAt')} issue={issues.get('closesAt')}>
            <input type="time" value={closesAt} onChange={(event) => setClosesAt(event.target.value)} />
          </Field>
        </div>
        <div className="weekday-picks" role="group" aria-label={t('settings.openDays')}>
          <span className="field-label">{t('settings.openDays')}</span>
          {weekdays.map((day) => (
            <label key={day} className="checkbox">
              <input
                type="checkbox"
                checked={openDays.includes(day)}
                onChange={(event) => setOpenDays(event.target.checked ? [...openDays, day] : openDays.filter((open) => open !== day))}
              />
              {t(`settings.weekdays.${day}`)}
            </label>
          ))}
        </div>
        <p className="field-hint">{t('settings.hoursHint')}</p>
      </fieldset>
      <fieldset className="field-group" disabled={!editable}>
        <div className="form-grid">
          <Field label={`${t('settings.limit')} (${currency})`} issue={issues.get('compensationLimitMinor')}>
            <input inputMode="decimal" value={limit} onChange={(event) => setLimit(event.target.value)} />
          </Field>
          <Field label={t('settings.followUpDays')} issue={issues.get('followUpDays')}>
            <input type="number" inputMode="numeric" value={followUpDays} onChange={(event) => setFollowUpDays(event.target.value)} />
          </Field>
        </div>
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
