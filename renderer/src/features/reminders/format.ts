import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaCustomer, Reminder } from '../../../../shared/contract/reminders';
import { reminderKind } from '../../../../shared/reminders/kinds';
import { daysBetween } from '../../../../shared/reminders/days';
import { dateTimeFormat } from '../../../../shared/intl';
import { languages, type Language } from '../../../../shared/locale';
import { useFormat } from '../../app/format';

const asLanguage = (tag: string): Language => (languages as readonly string[]).includes(tag) ? (tag as Language) : 'en';

/**
 * Shop-local days (YYYY-MM-DD) in the app's language: they are calendar days, so no zone shifts
 * them. Near the shop's `today` (when known) they say so: "Nov 23 (today)".
 */
export const useDayFormat = (today: string | null = null) => {
  const { t, i18n } = useTranslation(['reminders', 'common']);
  const language = i18n.language;
  const { day: mediumDay } = useFormat();
  return useMemo(() => {
    const short = dateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const long = dateTimeFormat(language, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
    const near = (day: string): string | null => {
      if (today === null) return null;
      const away = daysBetween(today, day);
      return away === 0 ? t('common:today') : away === -1 ? t('common:yesterday') : away === 1 ? t('item.tomorrow') : null;
    };
    return {
      short: (day: string) => {
        const word = near(day);
        const date = short.format(toDate(day));
        return word === null ? date : t('item.dayNear', { date, word });
      },
      long: (day: string) => long.format(toDate(day)),
      /** With the year, for days that may be far off ("Mar 20, 2027"). */
      medium: mediumDay,
    };
  }, [language, today, t, mediumDay]);
};

/** A reminder's kind label and one-line title, as its kind writes them; days near `today` read "today", "tomorrow". */
export const useReminderText = (today: string | null = null) => {
  const { i18n } = useTranslation();
  const format = useFormat();
  const days = useDayFormat(today);
  const language = asLanguage(i18n.language);
  return useMemo(
    () => ({
      label: (kind: string) => reminderKind(kind)?.label[language] ?? kind,
      title: (reminder: Pick<Reminder, 'kind' | 'facts' | 'note'>, customer: (Pick<AgendaCustomer, 'name' | 'visitCount' | 'rhythmDays' | 'daysAway'>) | null) => {
        const kind = reminderKind(reminder.kind);
        if (!kind) return reminder.note || reminder.kind;
        return kind.title({
          language,
          customerName: customer?.name ?? null,
          customer,
          facts: reminder.facts,
          note: reminder.note,
          format: { money: format.money, day: days.short },
        });
      },
      link: (reminder: Pick<Reminder, 'kind' | 'customerId' | 'subjectId'>) => reminderKind(reminder.kind)?.link(reminder) ?? null,
      onCallList: (kind: string) => reminderKind(kind)?.onCallList ?? false,
    }),
    [language, format, days],
  );
};
