import { useMemo } from 'react';

/** The chart palette lives in app/styles.css (light and dark); SVG needs the resolved colours. */
const names = ['key', 'major', 'regular', 'small', 'apostle', 'mercenary', 'hostage', 'destroyer', 'new', 'returning', 'lapsed', 'visits', 'revenue', 'referred', 'others', 'share', 'complaints', 'kept', 'line', 'grid', 'text'] as const;
export type ChartColor = (typeof names)[number];

export const readChartColors = (): Record<ChartColor, string> => {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(`--chart-${name}`).trim() || 'currentColor'])) as Record<ChartColor, string>;
};

export const useChartColors = (): Record<ChartColor, string> => useMemo(() => readChartColors(), []);

/** A series' colour by its key, falling back to the accent line colour for keys without their own. */
export const colorOf = (colors: Record<ChartColor, string>, key: string): string => (key in colors ? colors[key as ChartColor] : colors.line);
