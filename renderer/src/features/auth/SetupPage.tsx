import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/settings';
import type { AppError } from '../../../../shared/errors';
import { languages, type Language } from '../../../../shared/locale';
import { limits } from '../../../../shared/limits';
import { useApi, useApiMutation } from '../../api/hooks';
import { applyLanguage, systemLanguage } from '../../app/i18n';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { countryOfLocales, regionDefaults } from '../../../../shared/region';
import { systemTimeZone } from '../../../../shared/time';
import { RegionFields, type Region } from '../settings/RegionFields';
import { RecoveryCode } from './RecoveryCode';

/**
 * First run: the shop's basics and the owner PIN, before anything else. Shown instead of the app
 * until the book has a PIN; the session is the owner's until then. A book that already has settings
 * (upgraded from before PINs, or whose PIN was reset from the command line) starts from them.
 */
export const SetupPage = ({ onSetUp }: { onSetUp: (recoveryCode: string) => void }) => {
  const settings = useApi('settings-get', {});
  return settings.data ? <SetupForm initial={settings.data} onSetUp={onSetUp} /> : null;
};

const SetupForm = ({ initial, onSetUp }: { initial: Settings; onSetUp: (recoveryCode: string) => void }) => {
  const { t } = useTranslation(['auth', 'settings', 'common']);
  const setup = useApiMutation('auth-setup');
  const [shopName, setShopName] = useState(initial.shopName);
  // Prefilled from the locale of whoever sits here (zh-TW → Taiwan, TWD, Asia/Taipei), else from the book's defaults.
  const [region, setRegion] = useState<Region>(() => {
    const here = countryOfLocales(navigator.languages);
    return here === null ? { country: initial.country, currency: initial.currency, timeZone: initial.timeZone } : regionDefaults(here, systemTimeZone());
  });
  const [language, setLanguage] = useState<Language | null>(initial.language);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);

  useEffect(() => {
    document.title = `${t('setup.title')} · ${t('common:appName')}`;
  }, [t]);

  // The screen speaks the language being chosen, so the owner sees what the staff will see.
  useEffect(() => applyLanguage(language ?? systemLanguage()), [language]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (setup.isPending) return;
    // What the last try was told no longer stands: a new PIN that does not match its repeat is
    // told that, not that the PIN before it was too easy to guess.
    setError(null);
    if (pin !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const result = await setup.mutateAsync({ shopName, ...region, language, pin });
    if (!result.ok) {
      setError(result.error);
      // After React has marked the field, move to it.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    onSetUp(result.value.recoveryCode);
  };

  return (
    <main className="setup" aria-labelledby="setup-title">
      <form className="card setup-card" onSubmit={(event) => void submit(event)} noValidate>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            熟
          </span>
          <span>{t('common:appName')}</span>
        </div>
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
        <fieldset className="field-group">
          <legend>{t('setup.shop')}</legend>
          <Field label={t('setup.shopName')} issue={issues.get('shopName')}>
            <input name="shopName" autoFocus value={shopName} maxLength={limits.shopName} onChange={(event) => setShopName(event.target.value)} />
          </Field>
          <div className="form-grid">
            <RegionFields value={region} issues={issues} onChange={setRegion} />
            <Field label={t('setup.language')} issue={issues.get('language')}>
              <select value={language ?? ''} onChange={(event) => setLanguage(event.target.value === '' ? null : (event.target.value as Language))}>
                <option value="">{t('setup.followSystem', { language: t(`settings:languages.${systemLanguage()}`) })}</option>
                {languages.map((option) => (
                  <option key={option} value={option} lang={option}>
                    {t(`settings:languages.${option}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('setup.pinTitle')}</legend>
          <p className="field-hint">{t('setup.whyPin')}</p>
          <div className="form-grid">
            <Field label={t('setup.pin')} issue={issues.get('pin')} hint={t('setup.pinHint')}>
              <input name="pin" type="password" autoComplete="new-password" value={pin} onChange={(event) => setPin(event.target.value)} />
            </Field>
            <Field label={t('setup.repeat')}>
              <input
                name="pinRepeat"
                type="password"
                autoComplete="new-password"
                aria-invalid={mismatch || undefined}
                value={repeat}
                onChange={(event) => setRepeat(event.target.value)}
              />
            </Field>
          </div>
          {mismatch && (
            <p className="field-error" role="alert">
              {t('setup.mismatch')}
            </p>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={setup.isPending}>
            {setup.isPending ? t('setup.working') : t('setup.submit')}
          </button>
        </div>
      </form>
    </main>
  );
};

/** Right after setup: the recovery code, shown once, before the app opens. */
export const FirstRecoveryCode = ({ code, onDone }: { code: string; onDone: () => void }) => {
  const { t } = useTranslation(['auth', 'common']);
  return (
    <main className="setup" aria-labelledby="recovery-title">
      <section className="card setup-card">
        <h1 id="recovery-title">{t('recovery.title')}</h1>
        <RecoveryCode code={code} onDone={onDone} />
      </section>
    </main>
  );
};
