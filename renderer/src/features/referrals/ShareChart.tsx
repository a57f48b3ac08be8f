import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthShare } from '../../../../shared/referrals/figures';
import { useFormat } from '../../app/format';
import { usePercent } from './format';

/**
 * The share of each month's new customers who came by referral, with the 60% reference line. The
 * table under it carries the same figures for screen readers and for reading exact numbers.
 */
export const ShareChart = ({ months, benchmark }: { months: MonthShare[]; benchmark: number }) => {
  const { t } = useTranslation('referrals');
  const percent = usePercent();
  const label = useFormat().month;
  const data = months.map((month) => ({ ...month, label: label(month.month), value: month.share ?? 0 }));
  return (
    <figure className="share-chart">
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 12, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 1]} tickFormatter={(value: number) => percent(value)} width={44} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => percent(Number(value))} labelFormatter={(value) => String(value)} />
            <ReferenceLine y={benchmark} stroke="var(--warning)" strokeDasharray="6 4" label={{ value: t('page.benchmark'), position: 'insideTopRight', fontSize: 12 }} />
            <Bar dataKey="value" name={t('page.shareAxis')} fill="var(--accent)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="field-hint">{t('page.shareHint')}</figcaption>
      <details className="share-table">
        <summary>{t('page.shareTable')}</summary>
        <table className="data-table figures-table">
          <thead>
            <tr>
              <th scope="col">{t('page.month')}</th>
              <th scope="col">{t('page.newCustomers')}</th>
              <th scope="col">{t('page.referred')}</th>
              <th scope="col">{t('page.shareAxis')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{label(month.month)}</th>
                <td>{month.newCustomers}</td>
                <td>{month.referred}</td>
                <td>{percent(month.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
};
