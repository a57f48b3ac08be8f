/**
 * The performance budgets of ARCHITECTURE.md (issue 18), by figure key: at most (≤) or at least
 * (≥). A rate stated for the full book only (`fullScaleOnly`) is not judged on the small one,
 * where start-up outweighs the work; sizes of the full book are not judged on the small one either.
 */
export const budgets: Record<string, { limit: number; kind: 'max' | 'min'; fullScaleOnly?: true }> = {
  search_name_p95_ms: { limit: 10, kind: 'max' },
  search_cjk_p95_ms: { limit: 10, kind: 'max' },
  search_phone4_p95_ms: { limit: 10, kind: 'max' },
  search_pinyin_p95_ms: { limit: 10, kind: 'max' },
  search_initials_p95_ms: { limit: 10, kind: 'max' },
  search_ratio_to_raw: { limit: 2, kind: 'max' },
  profile_p95_ms: { limit: 10, kind: 'max' },
  log_visit_p95_ms: { limit: 3, kind: 'max' },
  today_ms: { limit: 30, kind: 'max' },
  dashboard_ms: { limit: 150, kind: 'max' },
  dashboard_first_read_ms: { limit: 300, kind: 'max' },
  // Issue #3: the leaderboard and a deep tree open without visible delay.
  referrals_overview_p95_ms: { limit: 100, kind: 'max' },
  referral_tree_p95_ms: { limit: 100, kind: 'max' },
  recompute_ms: { limit: 1500, kind: 'max' },
  // Issue #15: the counter keeps searching while the full pass runs in the worker.
  recompute_search_p95_ms: { limit: 10, kind: 'max' },
  // Issue #16: the value model fits on the full book in a few seconds at most.
  value_fit_ms: { limit: 5000, kind: 'max', fullScaleOnly: true },
  import_rows_per_s: { limit: 20_000, kind: 'min', fullScaleOnly: true },
  // Issue #17: an Excel workbook of 100,000 rows imports at least this fast.
  import_xlsx_rows_per_s: { limit: 10_000, kind: 'min', fullScaleOnly: true },
  backup_ms: { limit: 3000, kind: 'max' },
  backup_file_mb: { limit: 250, kind: 'max', fullScaleOnly: true },
  book_mb: { limit: 500, kind: 'max', fullScaleOnly: true },
  seed_ms: { limit: 60_000, kind: 'max' },
  cold_start_ms: { limit: 1000, kind: 'max' },
  core_rss_mb: { limit: 250, kind: 'max' },
  ui_search_keystroke_p95_ms: { limit: 100, kind: 'max' },
  ui_scroll_frame_p95_ms: { limit: 17, kind: 'max' },
  ui_profile_open_p95_ms: { limit: 100, kind: 'max' },
  ui_dashboard_open_ms: { limit: 600, kind: 'max' },
};

export const withinBudget = (key: string, value: number, fullScale: boolean): boolean | null => {
  const budget = budgets[key];
  if (!budget || (budget.fullScaleOnly && !fullScale)) return null;
  return budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
};
