import { complaintPromisesProvider } from './complaint-promises';
import { customerFlowProvider } from './customer-flow';
import { matrixProvider } from './matrix';
import { paretoProvider } from './pareto';
import type { DashboardProvider } from './provider';
import { referralShareProvider } from './referral-share';
import { tiersOverTimeProvider } from './tiers';
import { visitsRevenueProvider } from './visits-revenue';

/**
 * The loyalty dashboard's charts, in the order they are shown. A feature adds its chart with one
 * line here (and its title and labels in shared/loyalty/sections.ts).
 */
export const dashboardProviders: readonly DashboardProvider[] = [
  paretoProvider,
  tiersOverTimeProvider,
  matrixProvider,
  customerFlowProvider,
  referralShareProvider,
  complaintPromisesProvider,
  visitsRevenueProvider,
];
