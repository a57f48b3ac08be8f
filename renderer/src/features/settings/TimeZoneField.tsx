import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZonesOfCountry } from '../../../../shared/region';
import { useAppLanguage } from '../../app/language';
import { Field } from '../../components/Field';
import { cityOfZoneId, useZoneCities } from './zone-cities';

interface ZoneOption {
  zone: string;
  label: string;
  /** What typing may match: the label, and the id with its English city (Tokyo finds 東京 in every language). */
  searchable: string;
}

/** "台北 — 台北標準時間 (GMT+8)": the zone's city and name in the app's language, and its offset now. */
const zoneLabel = (zone: string, city: string, language: string): string => {
  const part = (style: 'longGeneric' | 'shortOffset') =>
    new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: style }).formatToParts(new Date()).find((item) => item.type === 'timeZoneName')?.value ?? '';
  return `${city} — ${part('longGeneric')} (${part('shortOffset')})`;
};

/** The shop's time zone by city and name in the app's language, its country's zones first, narrowed as you type. */
export const TimeZoneField = ({ value, country, onChange, label, hint }: { value: string; country: string; onChange: (zone: string) => void; label: string; hint?: string }) => {
  const { t } = useTranslation('settings');
  const language = useAppLanguage();
  const cities = useZoneCities(language);
  const [filter, setFilter] = useState('');
  const options = useMemo<ZoneOption[]>(() => {
    const local = timeZonesOfCountry(country);
    const rest = Intl.supportedValuesOf('timeZone').filter((zone) => !local.includes(zone));
    return [...new Set([value, ...local, ...rest])].map((zone) => {
      const idCity = cityOfZoneId(zone);
      const label = zoneLabel(zone, cities.get(zone) ?? idCity, language);
      return { zone, label, searchable: `${label} ${zone} ${idCity}`.toLowerCase() };
    });
  }, [country, value, language, cities]);
  const needle = filter.trim().toLowerCase();
  const shown = needle === '' ? options : options.filter((option) => option.zone === value || option.searchable.includes(needle));
  return (
    <div className="time-zone-field">
      <Field label={t('shop.timeZoneSearch')}>
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </Field>
      <Field label={label} hint={hint}>
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          {shown.map((option) => (
            <option key={option.zone} value={option.zone}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
};
