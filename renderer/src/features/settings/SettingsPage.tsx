import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Settings } from '../../../../shared/contract/settings';
import type { AppError } from '../../../../shared/errors';
import { languages, type Language } from '../../../../shared/locale';
import { useApi, useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { requestUnlock } from '../../app/unlock-requests';
import { systemLanguage } from '../../app/i18n';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { submitOnCtrlEnter } from '../../components/submitOnCtrlEnter';
import { useToast } from '../../components/Toast';
import { PinSettings } from '../auth/PinSettings';
import { LoyaltySettingsSection } from '../loyalty/LoyaltySettingsSection';
import { RecomputeSection } from '../loyalty/RecomputeSection';
import { ReferralRulesSection } from '../referrals/ReferralRulesSection';
import { ReminderSettingsSection } from '../reminders/ReminderSettingsSection';
import { ComplaintSettingsSection } from '../complaints/ComplaintSettingsSection';
import { ShopConflicts } from '../conflicts/ConflictsBlock';
import { RegionFields } from './RegionFields';
import { StaffSection } from './StaffSection';


export const SettingsPage = () => {
  const { t } = useTranslation(['settings', 'auth', 'common', 'devices']);
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
      <ShopConflicts mayPick={!readOnly} />
      <p className="card settings-devices-link">
        <Link to="/settings/devices">{t('devices:settingsLink')}</Link>
      </p>
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
  const { t } = useTranslation(['settings', 'common']);
  const toast = useToast();
  const update = useApiMutation('settings-update');
  const [draft, setDraft] = useState(settings);
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);
  const changed = (Object.keys(draft) as (keyof Settings)[]).filter((key) => key !== 'language' && draft[key] !== settings[key]);

  /** The language applies at once (the screen follows it); the shop's details wait for Save, as every other section does. */
  const saveLanguage = async (language: Language | null) => {
    setDraft({ ...draft, language });
    const result = await update.mutateAsync({ language });
    if (!result.ok) return setError(result.error);
    toast({ tone: 'success', text: t('shop.saved') });
  };

  const saveShop = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update.mutateAsync(Object.fromEntries(changed.map((key) => [key, draft[key]])));
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
            <select value={draft.language ?? ''} onChange={(event) => void saveLanguage(event.target.value === '' ? null : (event.target.value as Language))}>
              <option value="">{t('language.system', { language: t(`languages.${systemLanguage()}`) })}</option>
              {languages.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`languages.${language}`)}
                </option>
              ))}
            </select>
          </Field>
        </section>
        <form className="card" aria-labelledby="shop-title" onSubmit={(event) => void saveShop(event)} onKeyDown={submitOnCtrlEnter}>
          <h2 id="shop-title">{t('shop.title')}</h2>
          <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
          <div className="form-grid">
            <Field label={t('shop.name')} issue={issues.get('shopName')}>
              <input value={draft.shopName} onChange={(event) => setDraft({ ...draft, shopName: event.target.value })} />
            </Field>
            <RegionFields value={draft} issues={issues} onChange={(region) => setDraft({ ...draft, ...region })} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={update.isPending || changed.length === 0}>
              {t('shop.save')}
            </button>
          </div>
        </form>
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
