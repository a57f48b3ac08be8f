import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZonesOfCountry } from '../../../../shared/region';
import { Field } from '../../components/Field';

interface ZoneOption {
  zone: string;
  label: string;
}

/** "Taipei Standard Time — Taipei (UTC+8)": the zone's name in the app's language, its city and its offset now. */
const zoneLabel = (zone: string, language: string): string => {
  const city = zone.split('/').at(-1)!.replace(/_/g, ' ');
  const part = (style: 'longGeneric' | 'shortOffset') =>
    new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: style }).formatToParts(new Date()).find((item) => item.type === 'timeZoneName')?.value ?? '';
  return `${part('longGeneric')} — ${city} (${part('shortOffset')})`;
};

/** The shop's time zone by city and name in the app's language, its country's zones first, narrowed as you type. */
export const TimeZoneField = ({ value, country, onChange, label, hint }: { value: string; country: string; onChange: (zone: string) => void; label: string; hint?: string }) => {
  const { t, i18n } = useTranslation('settings');
  const [filter, setFilter] = useState('');
  const options = useMemo<ZoneOption[]>(() => {
    const local = timeZonesOfCountry(country);
    const rest = Intl.supportedValuesOf('timeZone').filter((zone) => !local.includes(zone));
    return [...new Set([value, ...local, ...rest])].map((zone) => ({ zone, label: zoneLabel(zone, i18n.language) }));
  }, [country, value, i18n.language]);
  const needle = filter.trim().toLowerCase();
  const shown = needle === '' ? options : options.filter((option) => option.zone === value || `${option.label} ${option.zone}`.toLowerCase().includes(needle));
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
