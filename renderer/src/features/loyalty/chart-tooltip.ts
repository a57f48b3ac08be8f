import { createContext, useContext } from 'react';

/**
 * Whether a chart's tooltip is mounted: from the first time the pointer enters the chart or the
 * chart takes the focus. A recharts tooltip that is never shown still costs its chart a box
 * measured in the page and a part in every redraw, and the dashboard draws seven charts at once.
 */
export const TooltipWanted = createContext(false);

export const useTooltipWanted = (): boolean => useContext(TooltipWanted);
