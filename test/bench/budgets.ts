/**
 * The performance budgets of ARCHITECTURE.md, by figure key: at most (≤) or at least (≥). A rate
 * stated for the full book only (`fullScaleOnly`) is not judged on the small one, where start-up
 * outweighs the work.
 */
export const budgets: Record<string, { limit: number; kind: 'max' | 'min'; fullScaleOnly?: true }> = {
  search_name_p95_ms: { limit: 15, kind: 'max' },
  search_cjk_p95_ms: { limit: 15, kind: 'max' },
  search_phone4_p95_ms: { limit: 15, kind: 'max' },
  search_ratio_to_raw: { limit: 3, kind: 'max' },
  profile_p95_ms: { limit: 20, kind: 'max' },
  today_ms: { limit: 50, kind: 'max' },
  // Issue #3: the leaderboard and a deep tree open without visible delay.
  referrals_overview_p95_ms: { limit: 100, kind: 'max' },
  referral_tree_p95_ms: { limit: 100, kind: 'max' },
  dashboard_ms: { limit: 300, kind: 'max' },
  log_visit_p95_ms: { limit: 5, kind: 'max' },
  recompute_ms: { limit: 3000, kind: 'max' },
  import_rows_per_s: { limit: 10_000, kind: 'min', fullScaleOnly: true },
  import_xlsx_rows_per_s: { limit: 10_000, kind: 'min', fullScaleOnly: true },
  backup_ms: { limit: 5000, kind: 'max' },
  seed_ms: { limit: 60_000, kind: 'max' },
  cold_start_ms: { limit: 1500, kind: 'max' },
  core_rss_mb: { limit: 300, kind: 'max' },
};

export const withinBudget = (key: string, value: number, fullScale: boolean): boolean | null => {
  const budget = budgets[key];
  if (!budget || (budget.fullScaleOnly && !fullScale)) return null;
  return budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
};
