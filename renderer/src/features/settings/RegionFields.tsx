import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import { countries, currencyOfCountry, regionDefaults } from '../../../../shared/region';
import { systemTimeZone } from '../../../../shared/time';
import { Field } from '../../components/Field';
import { TimeZoneField } from './TimeZoneField';

/** Currencies offered first; any other stays selectable through its country. */
const commonCurrencies = ['TWD', 'HKD', 'MOP', 'CNY', 'SGD', 'MYR', 'JPY', 'KRW', 'USD', 'CAD', 'AUD', 'GBP', 'EUR'];

export interface Region {
  country: string;
  currency: string;
  timeZone: string;
}

/**
 * Country or region, currency and time zone, as at setup and in Settings → Shop: choosing a country
 * sets its currency and a zone in it (the computer's own, when it is there); both stay changeable.
 */
export const RegionFields = ({ value, issues, onChange }: { value: Region; issues: Map<string, FieldIssue>; onChange: (region: Region) => void }) => {
  const { t, i18n } = useTranslation('settings');
  const regionName = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'region' }), [i18n.language]);
  const currencyName = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'currency' }), [i18n.language]);
  const countryOptions = useMemo(
    () => countries.map((code) => ({ code, name: regionName.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, i18n.language)),
    [regionName, i18n.language],
  );
  const currencyOptions = [...new Set([value.currency, currencyOfCountry(value.country) ?? value.currency, ...commonCurrencies])];
  return (
    <>
      <Field label={t('shop.country')} issue={issues.get('country')} hint={t('shop.countryHint')}>
        <select value={value.country} onChange={(event) => onChange(regionDefaults(event.target.value, systemTimeZone()))}>
          {countryOptions.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('shop.currency')} issue={issues.get('currency')}>
        <select value={value.currency} onChange={(event) => onChange({ ...value, currency: event.target.value })}>
          {currencyOptions.map((code) => (
            <option key={code} value={code}>
              {code} — {currencyName.of(code)}
            </option>
          ))}
        </select>
      </Field>
      <TimeZoneField value={value.timeZone} country={value.country} label={t('shop.timeZone')} hint={t('shop.timeZoneHint')} onChange={(timeZone) => onChange({ ...value, timeZone })} />
    </>
  );
};
