import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSection } from '../../../../shared/contract/loyalty';
import { quadrants } from '../../../../shared/loyalty/quadrant';
import { dashboardSectionTexts } from '../../../../shared/loyalty/sections';
import { useAppLanguage } from '../../app/language';
import { useChartFormat } from './chart-format';
import { ChartCard, type SegmentLink } from './ChartCard';
import { colorOf, useChartColors } from './colors';
import { MatrixChart } from './MatrixChart';
import { ParetoChart } from './ParetoChart';
import { PeriodsChart } from './PeriodsChart';
import { segmentPath } from './segments-link';

/**
 * One section of the dashboard, drawn by its shape, in the words registered under its name. Drawn
 * again only when its own figures change: a refresh after a write keeps the sections it did not
 * change (React Query keeps their objects), and redrawing a chart costs tens of milliseconds.
 */
export const SectionView = memo(function SectionView({ section }: { section: DashboardSection }) {
  const { t } = useTranslation(['loyalty']);
  const language = useAppLanguage();
  const colors = useChartColors();
  const format = useChartFormat();
  const texts = dashboardSectionTexts(section.name, language);
  if (!texts) return null;
  const labelOf = (key: string) => texts.series[key] ?? key;
  const card = { name: section.name, title: texts.title, note: texts.note, empty: section.empty, emptyText: texts.empty };
  const { data } = section;

  if (data.shape === 'pareto') {
    const links: SegmentLink[] = (['key', 'major'] as const).map((tier) => ({ label: t(`tiers.${tier}`), path: segmentPath({ tier }) }));
    // One spender has no top 20% to speak of ("the top 20% of 1 spending customers brought 100%").
    const headline =
      data.spenders === 1
        ? t('chart.paretoHeadlineOne', { revenue: format.money(data.revenueMinor) })
        : t('chart.paretoHeadline', { spenders: format.count(data.spenders), share: format.percent(data.top20RevenueShare), revenue: format.money(data.revenueMinor) });
    return (
      <ChartCard {...card} headline={headline} legend={[{ label: t('chart.revenueShare'), color: colors.key }]} links={links}>
        <ParetoChart points={data.points} />
      </ChartCard>
    );
  }
  if (data.shape === 'matrix') {
    const headline = t('chart.quadrantCounts', { ...Object.fromEntries(quadrants.map((quadrant) => [quadrant, format.count(data.quadrants[quadrant])])), unanswered: format.count(data.unanswered) });
    const links = quadrants.map((quadrant) => ({ label: t(`quadrants.${quadrant}`), path: segmentPath({ quadrant }) }));
    return (
      <ChartCard {...card} headline={headline} legend={quadrants.map((quadrant) => ({ label: t(`quadrants.${quadrant}`), color: colors[quadrant] }))} links={links}>
        <MatrixChart cells={data.cells} />
      </ChartCard>
    );
  }
  const links = data.series.filter((item) => item.segment).map((item) => ({ label: labelOf(item.key), path: segmentPath(item.segment ?? {}) }));
  return (
    <ChartCard {...card} legend={data.series.map((item) => ({ label: labelOf(item.key), color: colorOf(colors, item.key) }))} links={links}>
      <PeriodsChart series={data.series} rows={data.rows} labelOf={labelOf} />
    </ChartCard>
  );
});

/** A section whose read has not answered yet, in its place: its title, so the cards around it do not move when it comes. */
export const PendingSection = ({ name }: { name: string }) => {
  const { t } = useTranslation(['common']);
  const language = useAppLanguage();
  const texts = dashboardSectionTexts(name, language);
  if (!texts) return null;
  return (
    <section className="card chart-pending" aria-labelledby={`chart-${name}-title`} aria-busy="true" data-chart={name}>
      <header className="chart-card-header">
        <h2 id={`chart-${name}-title`}>{texts.title}</h2>
      </header>
      <p className="muted chart-note">{texts.note}</p>
      <p className="list-status">{t('common:loading')}</p>
    </section>
  );
};
