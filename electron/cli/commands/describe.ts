import { counted } from '../output';

const order = ['customers', 'visits', 'contacts', 'staff'];
const rank = (kind: string): number => (order.includes(kind) ? order.indexOf(kind) : order.length);

/** "1,200 customers, 15,000 visits, 30 contacts" */
export const formatCounts = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, count]) => counted(count, kind))
    .join(', ') || 'empty';

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
