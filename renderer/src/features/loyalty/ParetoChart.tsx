import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ParetoPoint } from '../../../../shared/loyalty/pareto';
import { useChartFormat } from './chart-format';
import { useTooltipWanted } from './chart-tooltip';
import { useChartColors } from './colors';

/** Cumulative share of revenue against share of customers, with the even line and the 20% mark. */
export const ParetoChart = ({ points }: { points: readonly ParetoPoint[] }) => {
  const { t } = useTranslation(['loyalty']);
  const colors = useChartColors();
  const format = useChartFormat();
  const tooltip = useTooltipWanted();
  const data = points.map((point) => ({ ...point, even: point.customerShare }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid stroke={colors.grid} />
        {/* Both axes draw every tick (interval 0): a few fixed ticks that always fit, which the default interval would measure in the page one by one to decide. */}
        <XAxis
          type="number"
          dataKey="customerShare"
          domain={[0, 1]}
          ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          interval={0}
          tickFormatter={format.percent}
          stroke={colors.text}
          tick={{ fill: colors.text, fontSize: 12 }}
          label={{ value: t('chart.customerShare'), position: 'insideBottom', offset: -10, fill: colors.text, fontSize: 12 }}
        />
        <YAxis interval={0} domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={format.percent} stroke={colors.text} tick={{ fill: colors.text, fontSize: 12 }} width={48} />
        {tooltip && (
          <Tooltip
            labelFormatter={() => ''}
            formatter={(value, key, item) =>
              key === 'revenueShare'
                ? [t('chart.paretoPoint', { customers: format.percent(Number(item.payload.customerShare)), revenue: format.percent(Number(value)) }), '']
                : [format.percent(Number(value)), t('chart.evenLine')]
            }
            separator=""
          />
        )}
        <ReferenceLine x={0.2} stroke={colors.key} strokeDasharray="4 4" />
        <Area type="monotone" dataKey="even" stroke={colors.grid} strokeDasharray="4 4" fill="none" isAnimationActive={false} />
        <Area type="monotone" dataKey="revenueShare" stroke={colors.key} strokeWidth={2} fill={colors.key} fillOpacity={0.15} isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
};
