import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DayPicker, type Matcher } from 'react-day-picker';
import { enUS, zhCN, zhTW } from 'react-day-picker/locale';
import type { Language } from '../../../shared/locale';
import { useFormat } from '../app/format';
import { useAppLanguage } from '../app/language';

/**
 * A calendar day (YYYY-MM-DD) chosen from a calendar in the app's language. The browser's own date
 * input draws its text and calendar in the browser's language whatever the app speaks, so a shop
 * that reads Chinese would meet "mm/dd/yyyy" and English month names there.
 */

const calendarLocales = { en: enUS, 'zh-Hant': zhTW, 'zh-Hans': zhCN } satisfies Record<Language, unknown>;
/** The first day of the week where each language is read (CLDR: the US and Taiwan start on Sunday, China on Monday). */
const weekStarts = { en: 0, 'zh-Hant': 0, 'zh-Hans': 1 } as const satisfies Record<Language, 0 | 1>;

const toDate = (day: string): Date => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
};

const toDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

interface DayFieldProps {
  /** The chosen day, or '' for none. */
  value: string;
  onChange: (day: string) => void;
  /** The first and last days that may be chosen. */
  min?: string;
  max?: string;
  /** Offer to clear the day (an optional filter). */
  clearable?: boolean;
  /** Set by Field: the label points at the button, and errors describe it. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export const DayField = ({ value, onChange, min, max, clearable, id, ...aria }: DayFieldProps) => {
  const { t } = useTranslation();
  const language = useAppLanguage();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The calendar is closed, not the dialog or panel the field sits in.
    event.stopPropagation();
    close();
  };

  const disabled: Matcher[] = [];
  if (min) disabled.push({ before: toDate(min) });
  if (max) disabled.push({ after: toDate(max) });
  const shown = value ? format.day(value) : t('dayField.choose');

  return (
    <div className="day-field" ref={root} onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        id={id}
        className={`day-field-button ${value ? '' : 'day-field-empty'}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
        {...aria}
      >
        {shown}
      </button>
      {clearable && value && (
        <button type="button" className="button-link" onClick={() => onChange('')}>
          {t('dayField.clear')}
        </button>
      )}
      {open && (
        <div className="day-field-calendar" role="dialog" aria-label={t('dayField.calendar')}>
          <DayPicker
            mode="single"
            locale={calendarLocales[language]}
            weekStartsOn={weekStarts[language]}
            selected={value ? toDate(value) : undefined}
            defaultMonth={value ? toDate(value) : min ? toDate(min) : undefined}
            disabled={disabled}
            autoFocus
            onSelect={(date) => {
              if (date) onChange(toDay(date));
              close();
            }}
          />
        </div>
      )}
    </div>
  );
};
