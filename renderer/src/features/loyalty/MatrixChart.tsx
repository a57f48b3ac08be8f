import { CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MatrixCell } from '../../../../shared/contract/loyalty';
import { loyalFrom, quadrants, satisfiedFrom, type Quadrant } from '../../../../shared/loyalty/quadrant';
import { useChartFormat } from './chart-format';
import { useTooltipWanted } from './chart-tooltip';
import { useChartColors } from './colors';
import { segmentPath } from './segments-link';

/** Where each quadrant's name sits: in its own corner of the plot. */
const corners: Record<Quadrant, { x1: number; x2: number; y1: number; y2: number; position: 'insideTopRight' | 'insideTopLeft' | 'insideBottomRight' | 'insideBottomLeft' }> = {
  apostle: { x1: satisfiedFrom, x2: 3, y1: loyalFrom, y2: 1, position: 'insideTopRight' },
  hostage: { x1: 0, x2: satisfiedFrom, y1: loyalFrom, y2: 1, position: 'insideTopLeft' },
  mercenary: { x1: satisfiedFrom, x2: 3, y1: 0, y2: loyalFrom, position: 'insideBottomRight' },
  destroyer: { x1: 0, x2: satisfiedFrom, y1: 0, y2: loyalFrom, position: 'insideBottomLeft' },
};

/** The satisfaction × loyalty matrix as bubbles of customers; a click on a bubble opens its quadrant's customers. */
export const MatrixChart = ({ cells }: { cells: readonly MatrixCell[] }) => {
  const { t } = useTranslation(['loyalty']);
  const colors = useChartColors();
  const format = useChartFormat();
  const tooltip = useTooltipWanted();
  const navigate = useNavigate();
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid stroke={colors.grid} />
        {/* Both axes draw every tick (interval 0): a few fixed ticks that always fit, which the default interval would measure in the page one by one to decide. */}
        <XAxis
          type="number"
          dataKey="satisfaction"
          domain={[0, 3]}
          ticks={[0, 1, 2, 3]}
          interval={0}
          stroke={colors.text}
          tick={{ fill: colors.text, fontSize: 12 }}
          label={{ value: t('chart.satisfaction'), position: 'insideBottom', offset: -10, fill: colors.text, fontSize: 12 }}
        />
        <YAxis
          type="number"
          dataKey="loyalty"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          interval={0}
          tickFormatter={format.percent}
          stroke={colors.text}
          tick={{ fill: colors.text, fontSize: 12 }}
          width={48}
        />
        <ZAxis type="number" dataKey="customers" range={[30, 900]} />
        {quadrants.map((quadrant) => (
          <ReferenceArea
            key={quadrant}
            {...corners[quadrant]}
            fill={colors[quadrant]}
            fillOpacity={0.06}
            stroke="none"
            label={{ value: t(`quadrants.${quadrant}`), position: corners[quadrant].position, fill: colors[quadrant], fontSize: 13, fontWeight: 600 }}
          />
        ))}
        <ReferenceLine x={satisfiedFrom} stroke={colors.text} strokeDasharray="4 4" />
        <ReferenceLine y={loyalFrom} stroke={colors.text} strokeDasharray="4 4" />
        {tooltip && (
          <Tooltip
            cursor={false}
            content={({ active, payload }) => {
              const cell = active ? (payload?.[0]?.payload as MatrixCell | undefined) : undefined;
              if (!cell) return null;
              return (
                <div className="chart-tooltip">
                  <strong>{t(`quadrants.${cell.quadrant}`)}</strong>
                  <div>{t('chart.bubble', { count: cell.customers, satisfaction: cell.satisfaction.toFixed(1), loyalty: format.percent(cell.loyalty) })}</div>
                </div>
              );
            }}
          />
        )}
        {quadrants.map((quadrant) => (
          <Scatter
            key={quadrant}
            name={t(`quadrants.${quadrant}`)}
            data={cells.filter((cell) => cell.quadrant === quadrant)}
            fill={colors[quadrant]}
            fillOpacity={0.75}
            isAnimationActive={false}
            cursor="pointer"
            onClick={() => void navigate(segmentPath({ quadrant }))}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
};
