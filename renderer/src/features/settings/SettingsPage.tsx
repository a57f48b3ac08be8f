import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/settings';
import type { AppError } from '../../../../shared/errors';
import { languages, type Language } from '../../../../shared/locale';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { requestUnlock } from '../../app/unlock-requests';
import { systemLanguage } from '../../app/i18n';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { PinSettings } from '../auth/PinSettings';
import { LoyaltySettingsSection } from '../loyalty/LoyaltySettingsSection';
import { RecomputeSection } from '../loyalty/RecomputeSection';
import { ReferralRulesSection } from '../referrals/ReferralRulesSection';
import { ReminderSettingsSection } from '../reminders/ReminderSettingsSection';
import { ComplaintSettingsSection } from '../complaints/ComplaintSettingsSection';
import { StaffSection } from './StaffSection';

export const currencies = ['TWD', 'HKD', 'MOP', 'CNY', 'SGD', 'MYR', 'JPY', 'KRW', 'USD', 'CAD', 'AUD', 'GBP', 'EUR'];
const countries = ['TW', 'HK', 'MO', 'CN', 'SG', 'MY', 'JP', 'KR', 'US', 'CA', 'AU', 'GB', 'DE', 'FR'];

export const SettingsPage = () => {
  const { t } = useTranslation(['settings', 'auth', 'common']);
  const settings = useApi('settings-get', {});
  const session = useSession();
  // Staff see the settings but cannot change them (the core refuses it too).
  const readOnly = session?.role !== 'owner';
  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);
  return (
    <section className="page settings" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('title')}</h1>
      </header>
      {readOnly && session && (
        <p className="notice notice-warning" role="note">
          {t('auth:staffView.readOnly')}
          <button type="button" className="button" onClick={requestUnlock}>
            {t('auth:staffView.unlockToChange')}
          </button>
        </p>
      )}
      {settings.data && <ShopSettings key={JSON.stringify(settings.data)} settings={settings.data} readOnly={readOnly} />}
      <PinSettings />
      <StaffSection readOnly={readOnly} />
      <ReminderSettingsSection />
      <ComplaintSettingsSection />
      <LoyaltySettingsSection />
      <RecomputeSection />
      <ReferralRulesSection />
      <About />
    </section>
  );
};

const ShopSettings = ({ settings, readOnly }: { settings: Settings; readOnly: boolean }) => {
  const { t, i18n } = useTranslation(['settings', 'common']);
  const toast = useToast();
  const update = useApiMutation('settings-update');
  const [draft, setDraft] = useState(settings);
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const regionName = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'region' }), [i18n.language]);
  const currencyName = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'currency' }), [i18n.language]);

  const save = async (changes: Partial<Settings>) => {
    const next = { ...draft, ...changes };
    setDraft(next);
    const result = await update.mutateAsync(changes);
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: t('shop.saved') });
  };

  return (
    <>
      <fieldset className="settings-fields" disabled={readOnly}>
        <section className="card" aria-labelledby="language-title">
          <h2 id="language-title">{t('language.title')}</h2>
          <Field label={t('language.label')}>
            <select
              value={draft.language ?? ''}
              onChange={(event) => void save({ language: event.target.value === '' ? null : (event.target.value as Language) })}
            >
              <option value="">{t('language.system', { language: t(`languages.${systemLanguage()}`) })}</option>
              {languages.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`languages.${language}`)}
                </option>
              ))}
            </select>
          </Field>
        </section>
        <section className="card" aria-labelledby="shop-title">
          <h2 id="shop-title">{t('shop.title')}</h2>
          <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
          <div className="form-grid">
            <Field label={t('shop.name')} issue={issues.get('shopName')}>
              <input
                value={draft.shopName}
                onChange={(event) => setDraft({ ...draft, shopName: event.target.value })}
                onBlur={() => draft.shopName !== settings.shopName && void save({ shopName: draft.shopName })}
              />
            </Field>
            <Field label={t('shop.currency')} issue={issues.get('currency')}>
              <select value={draft.currency} onChange={(event) => void save({ currency: event.target.value })}>
                {[...new Set([draft.currency, ...currencies])].map((code) => (
                  <option key={code} value={code}>
                    {code} — {currencyName.of(code)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('shop.country')} issue={issues.get('country')} hint={t('shop.countryHint')}>
              <select value={draft.country} onChange={(event) => void save({ country: event.target.value })}>
                {[...new Set([draft.country, ...countries])].map((code) => (
                  <option key={code} value={code}>
                    {regionName.of(code)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('shop.timeZone')} issue={issues.get('timeZone')} hint={t('shop.timeZoneHint')}>
              <select value={draft.timeZone} onChange={(event) => void save({ timeZone: event.target.value })}>
                {[...new Set([draft.timeZone, ...timeZones])].map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </section>
      </fieldset>
    </>
  );
};

const About = () => {
  const { t } = useTranslation(['settings', 'common']);
  const info = useApi('app-info', {});
  if (!info.data) return null;
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">{t('about.title')}</h2>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd>{info.data.version}</dd>
        <dt>{t('about.transport')}</dt>
        <dd>{t(`about.transports.${info.data.transport}`)}</dd>
        <dt>{t('about.dataDir')}</dt>
        <dd className="path">{info.data.dataDir}</dd>
        <dt>{t('about.bookFile')}</dt>
        <dd className="path">{info.data.bookFile}</dd>
      </dl>
    </section>
  );
};
