/**
 * `npm run bench [-- --scale small|full|huge] [-- --json PATH] [-- --fresh] [-- --only a,b]`: the budgets of
 * ARCHITECTURE.md measured through the handlers the UI calls, each beside the same work done
 * with raw SQLite in this process. Prints a table and writes a JSON with a flat `figures` object.
 * `huge` (1,000,000 customers, 10,000,000 visits) is a scale probe, not run in CI: it reports
 * search, profile, Today, log visit and the dashboard only, judged against no budget.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openAppCore } from './app-core';
import { prepareBook, scales, type Scale } from './book';
import { budgets, withinBudget } from './budgets';
import { browserFigures } from './browser-sections';
import { backupFigures, bookSizeFigure, importFigures } from './data-sections';
import { dashboardFigures, logVisitFigure, profileFigure, recomputeFigures, referralsFigures, searchFigures, todayFigure, valueFitFigure, type Figure } from './core-sections';
import { round } from './measure';

const root = process.cwd();
const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'full' }, json: { type: 'string' }, fresh: { type: 'boolean', default: false }, only: { type: 'string' } },
});
/** The sections a run measures; `--only import,browser` measures those alone (while working on one figure). */
const sections = ['search', 'profile', 'log-visit', 'today', 'dashboard', 'referrals', 'recompute', 'value-fit', 'backup', 'import', 'browser'] as const;
type Section = (typeof sections)[number];
const chosen = new Set<string>(values.only === undefined ? sections : values.only.split(',').map((name) => name.trim()));
const unknown = [...chosen].filter((name) => !(sections as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`--only takes ${sections.join(', ')}; not ${unknown.join(', ')}`);
  process.exit(2);
}
const measures = (section: Section) => chosen.has(section);
if (!(values.scale in scales)) {
  console.error(`--scale must be small, full or huge, not "${values.scale}"`);
  process.exit(2);
}
const scale = values.scale as Scale;
const repeats =
  scale === 'small' ? { queries: 40, profiles: 40, visits: 40, starts: 1, importRows: 2_000 } : { queries: 200, profiles: 200, visits: 300, starts: 3, importRows: 100_000 };
/** The probe measures the counter's reads and writes only: the rest would take hours at that size. */
const probeOnly = scale === 'huge';

const main = async () => {
  console.error(`preparing the ${scale} book (${scales[scale].customers.toLocaleString('en')} customers, ${scales[scale].visits.toLocaleString('en')} visits)…`);
  const book = await prepareBook(root, scale, values.fresh ?? false);
  const figures: Figure[] = [
    {
      key: 'seed_ms',
      value: round(book.stamp.seedMs, 0),
      unit: 'ms',
      note: book.reused ? `measured when this book was seeded (${book.stamp.seededAt}); --fresh seeds again` : 'seeded in this run',
    },
  ];
  const core = openAppCore(book.dataDir);
  try {
    // A book last opened on another day is caught up by the worker as the app opens: measured after it.
    while (core.jobs.busy) await new Promise((resolve) => setTimeout(resolve, 50));
    figures.push(bookSizeFigure(core));
    console.error('measuring searches, profiles and visit logging…');
    if (measures('search')) figures.push(...(await searchFigures(core, repeats.queries)));
    if (measures('profile')) figures.push(await profileFigure(core, repeats.profiles));
    if (measures('log-visit')) figures.push(await logVisitFigure(core, repeats.visits));
    console.error('measuring Today and the dashboard…');
    if (measures('today')) figures.push(await todayFigure(core, repeats.profiles));
    if (measures('dashboard')) figures.push(...(await dashboardFigures(core, Math.min(repeats.profiles, 40))));
    if (!probeOnly) {
      if (measures('referrals')) figures.push(...(await referralsFigures(core, repeats.profiles)));
      console.error('measuring the full recompute, a backup and an import…');
      if (measures('recompute')) figures.push(...(await recomputeFigures(core)));
      if (measures('value-fit')) figures.push(await valueFitFigure(core));
      if (measures('backup')) figures.push(...(await backupFigures(core)));
    }
  } finally {
    core.close();
  }
  if (!probeOnly) {
    if (measures('import')) figures.push(...(await importFigures(repeats.importRows)));
    console.error('measuring browser mode: cold start, memory, typing and scrolling…');
    if (measures('browser')) figures.push(...(await browserFigures(root, book.dataDir, repeats.starts)));
  }
  report(figures);
};

const report = (figures: Figure[]) => {
  const rows = figures.map((figure) => {
    const budget = budgets[figure.key];
    const ok = probeOnly ? null : withinBudget(figure.key, figure.value, scale === 'full');
    return {
      figure: figure.key,
      value: `${figure.value} ${figure.unit}`,
      raw: figure.raw === undefined ? '' : `${figure.raw} ${figure.unit}`,
      ratio: figure.raw === undefined ? '' : `${round(figure.value / Math.max(figure.raw, 0.001), 1)}×`,
      budget: budget ? `${budget.kind === 'max' ? '≤' : '≥'} ${budget.limit}` : '',
      status: ok === null ? (budget ? 'n/a' : '') : ok ? 'ok' : 'OVER',
      note: figure.note ?? '',
    };
  });
  const columns = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(columns.map((column) => row[column])));

  const output = values.json ?? path.join(root, '.bench', `results-${scale}.json`);
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(
    output,
    `${JSON.stringify(
      {
        scale,
        book: scales[scale],
        measuredAt: new Date().toISOString(),
        machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform}-${process.arch}` },
        figures: Object.fromEntries(figures.map((figure) => [figure.key, figure.value])),
        raw: Object.fromEntries(figures.filter((figure) => figure.raw !== undefined).map((figure) => [figure.key, figure.raw])),
        budgets,
        notes: Object.fromEntries(figures.map((figure) => [figure.key, figure.note ?? ''])),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nJSON: ${output}`);
};

main().catch((caught: unknown) => {
  console.error(`bench failed: ${(caught as Error).message}`);
  process.exit(1);
});
