import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currencyExponent } from '../../../../shared/money';
import { useFormat } from '../../app/format';
import type { ChartSeries, PeriodRow } from '../../../../shared/contract/loyalty';
import { useChartFormat } from './chart-format';
import { useTooltipWanted } from './chart-tooltip';
import { colorOf, useChartColors } from './colors';
import { niceTicks } from './nice-ticks';
import { segmentPath } from './segments-link';

/** Grid lines placed nowhere. */
const noLines = (): number[] => [];

interface PeriodsChartProps {
  series: readonly ChartSeries[];
  rows: readonly PeriodRow[];
  labelOf: (key: string) => string;
}

/** Bars and lines by month: counts on the left axis, money or shares on the right. A click on a series (or its legend entry) with a segment opens its customers. */
export const PeriodsChart = ({ series, rows, labelOf }: PeriodsChartProps) => {
  const { t } = useTranslation(['loyalty']);
  const colors = useChartColors();
  const format = useChartFormat();
  const tooltip = useTooltipWanted();
  const navigate = useNavigate();
  const { currency } = useFormat();
  const data = rows.map((row) => ({ period: row.period, ...row.values }));
  const right = series.find((item) => item.axis !== 'count')?.axis ?? null;
  // The tallest stack or value on each axis, for round ticks (recharts would stop at the data's own maximum).
  const tallest = (onLeft: boolean) =>
    Math.max(
      0,
      ...rows.map((row) => {
        const totals = new Map<string, number>();
        for (const item of series.filter((candidate) => (candidate.axis === 'count') === onLeft)) {
          const group = item.stack ?? item.key;
          totals.set(group, (totals.get(group) ?? 0) + (row.values[item.key] ?? 0));
        }
        return Math.max(0, ...totals.values());
      }),
    );
  const leftTicks = niceTicks(tallest(true), 4, true);
  const rightTicks = right === 'share' ? [0, 0.25, 0.5, 0.75, 1] : niceTicks(tallest(false));
  const axisOf = (item: ChartSeries) => (item.axis === 'count' ? 'left' : 'right');
  const valueText = (item: ChartSeries | undefined, value: number) =>
    item?.axis === 'money' ? format.money(value) : item?.axis === 'share' ? format.percent(value) : format.count(value);
  const open = (key: string) => {
    const segment = series.find((item) => item.key === key)?.segment;
    if (segment) void navigate(segmentPath(segment));
  };
  // The legend is the page's own list, not recharts': its legend measures itself after drawing and
  // draws the chart again to make room, a second layout for every chart on the dashboard.
  return (
    <>
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {/* No vertical lines, so none are placed: recharts would otherwise measure every month label to place them. */}
          <CartesianGrid stroke={colors.grid} vertical={false} verticalCoordinatesGenerator={noLines} />
          <XAxis dataKey="period" interval="preserveStartEnd" tickFormatter={format.monthTick(data[0]?.period ?? '')} stroke={colors.text} tick={{ fill: colors.text, fontSize: 12 }} minTickGap={8} />
          {/* Every tick drawn (interval 0): the round ticks always fit, and the default interval would measure each label in the page to decide. */}
          <YAxis yAxisId="left" interval={0} ticks={leftTicks} domain={[0, leftTicks.at(-1) ?? 1]} tickFormatter={format.compact} stroke={colors.text} tick={{ fill: colors.text, fontSize: 12 }} width={48} />
          {right && (
            <YAxis
              yAxisId="right"
              orientation="right"
              ticks={rightTicks}
              interval={0}
              domain={[0, rightTicks.at(-1) ?? 1]}
              tickFormatter={(value: number) => (right === 'share' ? format.percent(value) : format.compact(value / 10 ** currencyExponent(currency)))}
              stroke={colors.text}
              tick={{ fill: colors.text, fontSize: 12 }}
              width={56}
            />
          )}
          {tooltip && (
            // Items in the series' (and the legend's) order, not recharts' alphabetical order of their keys;
            // name and value apart as the language writes them ("Returning: 225", "回頭客：225").
            <Tooltip
              itemSorter={(item) => series.findIndex((candidate) => candidate.key === item.dataKey)}
              separator={t('chart.tooltipSeparator')}
              labelFormatter={(period) => format.month(String(period))}
              formatter={(value, key) => [valueText(series.find((item) => item.key === key), Number(value)), labelOf(String(key))]}
            />
          )}
          {series.map((item) =>
            item.draw === 'bar' ? (
              <Bar
                key={item.key}
                dataKey={item.key}
                yAxisId={axisOf(item)}
                stackId={item.stack}
                fill={colorOf(colors, item.key)}
                isAnimationActive={false}
                cursor={item.segment ? 'pointer' : undefined}
                onClick={() => open(item.key)}
              />
            ) : (
              <Line
                key={item.key}
                dataKey={item.key}
                yAxisId={axisOf(item)}
                stroke={colorOf(colors, item.key)}
                strokeWidth={2}
                dot={rows.length <= 24}
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="chart-legend">
        {series.map((item) => {
          const entry = (
            <>
              <span className={`chart-legend-mark chart-legend-${item.draw}`} style={{ backgroundColor: colorOf(colors, item.key) }} aria-hidden="true" />
              {labelOf(item.key)}
            </>
          );
          return (
            <li key={item.key}>
              {item.segment ? (
                <button type="button" className="chart-legend-entry" onClick={() => open(item.key)}>
                  {entry}
                </button>
              ) : (
                <span className="chart-legend-entry">{entry}</span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
};
