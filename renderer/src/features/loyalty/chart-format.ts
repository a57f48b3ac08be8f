import { useMemo } from 'react';
import { useAppLanguage } from '../../app/language';
import { useFormat } from '../../app/format';

/** Numbers, shares, money and months on the charts, in the app's language. */
export const useChartFormat = () => {
  const language = useAppLanguage();
  const { money, month } = useFormat();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const count = new Intl.NumberFormat(language);
    const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
    const shortMonth = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
    const monthDate = (period: string) => new Date(`${period}-01T00:00:00Z`);
    return {
      percent: (share: number) => percent.format(share),
      count: (value: number) => count.format(value),
      compact: (value: number) => compact.format(value),
      money,
      /** "Mar 2026" / "2026年3月". */
      month,
      /**
       * The axis tick: the month's short name, with the year on January and on the range's first month.
       * By the month, not by the tick's index: recharts measures every tick to choose which fit, then
       * numbers only those it draws, so a label chosen by index was measured short and drawn long
       * ("2026年2月" over "3月").
       */
      monthTick: (firstPeriod: string) => (period: string) => (period === firstPeriod || period.endsWith('-01') ? month(period) : shortMonth.format(monthDate(period))),
    };
  }, [language, money, month]);
};
