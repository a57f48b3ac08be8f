import { useFormat } from '../../app/format';
import { plusMonths } from './months';

/** How far back the range can reach: ten years of a shop's history. */
const yearsOffered = 10;

/**
 * A month (YYYY-MM) chosen from a list named in the app's language ("2026年1月", "Jan 2026"), newest
 * first. The browser's own month input speaks the browser's language whatever the app speaks.
 */
export const MonthField = ({ value, onChange, min, max, latest }: { value: string; onChange: (month: string) => void; min?: string; max?: string; latest: string }) => {
  const format = useFormat();
  const months: string[] = [];
  for (let month = latest, count = 0; count < yearsOffered * 12; month = plusMonths(month, -1), count += 1) months.push(month);
  // A month from the address that lies outside the list still shows as chosen.
  if (!months.includes(value)) months.push(value);
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)}>
      {months.map((month) => (
        <option key={month} value={month} disabled={(min !== undefined && month < min) || (max !== undefined && month > max)}>
          {format.month(month)}
        </option>
      ))}
    </select>
  );
};
