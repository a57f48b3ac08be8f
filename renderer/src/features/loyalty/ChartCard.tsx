import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './chart-links.css';
import { Link } from 'react-router';
import { useToast } from '../../components/Toast';
import { TooltipWanted } from './chart-tooltip';
import { saveChartPng, type PngLegendEntry } from './save-png';

export interface SegmentLink {
  label: string;
  path: string;
}

interface ChartCardProps {
  name: string;
  title: string;
  note: string;
  empty: boolean;
  emptyText: string;
  /** A line above the chart that says what it shows in words. */
  headline?: string;
  legend: readonly PngLegendEntry[];
  links: readonly SegmentLink[];
  children: ReactNode;
}

/** One chart of the dashboard: title, note, the chart or its empty state, links to the customers behind it, and "Save as PNG". */
export const ChartCard = ({ name, title, note, empty, emptyText, headline, legend, links, children }: ChartCardProps) => {
  const { t } = useTranslation(['loyalty']);
  const toast = useToast();
  const chart = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const [tooltipWanted, setTooltipWanted] = useState(false);
  const wantTooltip = () => setTooltipWanted(true);
  const titleId = `chart-${name}-title`;

  const save = async () => {
    if (!chart.current) return;
    setSaving(true);
    const file = `${name}-${new Date().toISOString().slice(0, 10)}.png`;
    try {
      await saveChartPng(chart.current, file, title, legend);
      toast({ tone: 'success', text: t('chart.saved', { file }) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card chart-card" aria-labelledby={titleId} data-chart={name}>
      <header className="chart-card-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button" disabled={empty || saving} onClick={() => void save()}>
          {t('chart.savePng')}
        </button>
      </header>
      <p className="muted chart-note">{note}</p>
      {empty ? (
        <p className="empty-state chart-empty">{emptyText}</p>
      ) : (
        <>
          {headline && <p className="chart-headline">{headline}</p>}
          <div className="chart-area" ref={chart} role="img" aria-label={`${title}. ${headline ?? note}`} onPointerEnter={wantTooltip} onFocus={wantTooltip}>
            <TooltipWanted.Provider value={tooltipWanted}>{children}</TooltipWanted.Provider>
          </div>
          {links.length > 0 && (
            <nav className="chart-links" aria-label={t('chart.showCustomers')}>
              <span className="muted">{t('chart.showCustomersLead')}</span>
              <ul className="chart-link-list">
                {links.map((link) => (
                  <li key={link.path}>
                    <Link to={link.path}>{link.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </>
      )}
    </section>
  );
};
