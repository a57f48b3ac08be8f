import { pinyin } from 'pinyin-pro';
import { planSearch } from '../../shared/search';
import { keyRangeEnd, querySearchKey } from '../../shared/search-keys';
import { hasCjk, wordsOf, foldForSearch, charsOf } from '../../shared/text';
import type { Core } from '../../electron/core/core';
import { customersPerStep } from '../../electron/core/derive';
import { Random } from '../../electron/core/seed/random';
import { agendaCounts, dueBetweenRows, dueOnRows, overdueRows } from '../../electron/core/reminders/agenda-queries';
import { shopToday } from '../../electron/core/reminders/engine';
import { plusDays } from '../../shared/reminders/days';
import { round, summarise, timeEach, timeOnce, type Timing } from './measure';

export interface Figure {
  key: string;
  value: number;
  unit: string;
  /** The same work done with raw SQLite in this process, where there is one (for scrolling: a blank page in the same browser). */
  raw?: number;
  note?: string;
}

const sample = <T>(items: readonly T[], count: number, random: Random): T[] => Array.from({ length: count }, () => random.pick(items));

/** What a person types at the counter, keystroke by keystroke: "c", "ch", "che", "chen". */
const typing = (word: string, longest: number): string[] => {
  const chars = charsOf(word);
  return Array.from({ length: Math.min(longest, chars.length) }, (_, index) => chars.slice(0, index + 1).join(''));
};

/**
 * The same SQL the search handler runs for each plan — each match counted up to 3,001 (full text up
 * to 30,001), then its newest 51 sorted from the covering index or walked by last seen (full text up
 * to 30,000 matches against its matches read once), those rows read, the full-text fallback for
 * digits, then the phones and tags of the rows shown — sent straight to SQLite, without the
 * handler's validation, planning, phone parsing and mapping. The ratio is the handler's overhead.
 */
const rawSearch = (core: Core) => {
  const ranked = (matches: string, matchOf: string, each: string, listUpTo = 3000) => {
    const count = core.db.prepare(`SELECT count(*) FROM (${each} LIMIT ${Math.max(listUpTo, 3000) + 1})`).pluck();
    const sort = core.db
      .prepare(`SELECT rid FROM customers c INDEXED BY customers_active_rid_seen WHERE rid IN (${matches}) AND archived_at IS NULL ORDER BY last_seen_at DESC LIMIT 51`)
      .pluck();
    const walkBy = (match: string) =>
      core.db.prepare(`SELECT rid FROM customers c INDEXED BY customers_active_last_seen WHERE archived_at IS NULL AND ${match} ORDER BY last_seen_at DESC LIMIT 51`).pluck();
    const walk = walkBy(matchOf);
    const walkListed = walkBy(`c.rid IN (${matches})`);
    return (...match: string[]) => {
      const found = count.get(...match) as number;
      return (found <= 3000 ? sort : found <= listUpTo ? walkListed : walk).all(...match) as number[];
    };
  };
  const byGram = ranked(
    'SELECT customer_rid FROM customer_name_grams WHERE gram = ?',
    'EXISTS (SELECT 1 FROM customer_name_grams g WHERE g.gram = ? AND g.customer_rid = c.rid)',
    'SELECT 1 FROM customer_name_grams WHERE gram = ?',
  );
  const byFullText = ranked(
    'SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?',
    'EXISTS (SELECT 1 FROM customers_fts WHERE customers_fts MATCH ? AND rowid = c.rid)',
    'SELECT 1 FROM customers_fts WHERE customers_fts MATCH ?',
    30_000,
  );
  const byKey = ranked(
    'SELECT customer_rid FROM customer_name_keys WHERE key >= ? AND key < ?',
    'EXISTS (SELECT 1 FROM customer_name_keys k WHERE k.customer_rid = c.rid AND k.key >= ? AND k.key < ?)',
    'SELECT 1 FROM customer_name_keys WHERE key >= ? AND key < ?',
  );
  const range = "p.national_reversed >= ? AND p.national_reversed < ? || ':'";
  const bySuffix = ranked(
    `SELECT m.rid FROM customer_phones p JOIN customers m ON m.id = p.customer_id WHERE ${range}`,
    `EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id AND ${range})`,
    `SELECT 1 FROM customer_phones p WHERE ${range}`,
  );
  const rows = core.db.prepare('SELECT c.rid, c.id, c.name FROM customers c WHERE c.rid IN (SELECT value FROM json_each(?))');
  const phones = core.db.prepare('SELECT customer_id, display FROM customer_phones WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, position');
  const tags = core.db.prepare('SELECT customer_id, kind, value FROM customer_tags WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, kind, position');
  const withDetails = (rids: number[]) => {
    const found = rows.all(JSON.stringify(rids.slice(0, 51))) as { id: string }[];
    const ids = JSON.stringify(found.map((row) => row.id));
    return [found, phones.all(ids), tags.all(ids)];
  };
  const planned = (query: string): number[] => {
    const plan = planSearch(query);
    if (plan.kind === 'fulltext') return byFullText(plan.ftsQuery);
    if (plan.kind === 'grams') return byGram(plan.gram);
    return [];
  };
  return (query: string): unknown => {
    const plan = planSearch(query);
    const key = querySearchKey(query);
    if (key !== null) return withDetails([...planned(query), ...byKey(key, keyRangeEnd(key))]);
    if (plan.kind === 'fulltext' || plan.kind === 'grams') return withDetails(planned(query));
    if (plan.kind === 'digits') {
      const reversed = plan.digits.split('').reverse().join('');
      const rids = bySuffix(reversed, reversed);
      return withDetails(rids.length < 51 && plan.ftsQuery ? [...rids, ...byFullText(plan.ftsQuery)] : rids);
    }
    return [];
  };
};

export const searchFigures = async (core: Core, count: number): Promise<Figure[]> => {
  const random = new Random(7);
  const names = core.db.prepare('SELECT name FROM customers WHERE archived_at IS NULL ORDER BY rid').pluck().all() as string[];
  const latinWords = names.filter((name) => !hasCjk(name)).flatMap((name) => wordsOf(foldForSearch(name)));
  const cjkNames = names.filter((name) => hasCjk(name) && charsOf(name).length >= 2);
  const phones = core.db.prepare('SELECT search_digits FROM customer_phones').pluck().all() as string[];
  // What a person types who has no Chinese keyboard at hand: the name's pinyin, whole or by initials.
  const spelled = sample(cjkNames, Math.ceil(count / 5), random);

  const sets: Record<string, string[]> = {
    name: sample(latinWords, Math.ceil(count / 5), random).flatMap((word) => typing(word, 5)),
    cjk: sample(cjkNames, Math.ceil(count / 3), random).flatMap((name) => [...typing(name, 3), charsOf(name).slice(1, 3).join('')]),
    pinyin: spelled.flatMap((name) => typing(pinyin(name, { toneType: 'none', surname: 'head' }), 12).slice(1)),
    initials: spelled.flatMap((name) => typing(pinyin(name, { pattern: 'first', toneType: 'none', surname: 'head', separator: '' }), 4).slice(1)),
    phone4: sample(phones, count, random).map((digits) => (digits.split(' ')[0] ?? '').slice(-4)),
  };
  const raw = rawSearch(core);
  const figures: Figure[] = [];
  let worstRatio = 0;
  for (const [kind, queries] of Object.entries(sets)) {
    const handler = await timeEach(queries, (query) => core.call('customers-search', { query, limit: 50 }));
    const direct = await timeEach(queries, raw);
    const ratio = handler.p95 / Math.max(direct.p95, 0.001);
    worstRatio = Math.max(worstRatio, ratio);
    figures.push({ key: `search_${kind}_p95_ms`, value: round(handler.p95), unit: 'ms', raw: round(direct.p95), note: `${handler.samples} queries, median ${round(handler.median)} ms` });
  }
  figures.push({ key: 'search_ratio_to_raw', value: round(worstRatio), unit: '×', note: 'worst p95 ratio of the searches' });
  return figures;
};

export const profileFigure = async (core: Core, count: number): Promise<Figure> => {
  const random = new Random(11);
  const ids = core.db.prepare('SELECT id FROM customers ORDER BY rid').pluck().all() as string[];
  const customers = sample(ids, count, random);
  const openProfile = async (id: string) => {
    await core.call('customers-get', { id });
    await core.call('customers-timeline', { id, limit: 50 });
  };
  const getRow = core.db.prepare('SELECT * FROM customers WHERE id = ?');
  const timelineRows = core.db.prepare('SELECT * FROM visits WHERE customer_id = ? AND archived_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT 51');
  const handler = await timeEach(customers, openProfile);
  const direct = await timeEach(customers, (id) => [getRow.get(id), timelineRows.all(id)]);
  return { key: 'profile_p95_ms', value: round(handler.p95), unit: 'ms', raw: round(direct.p95), note: `customer + first 50 timeline entries, ${handler.samples} profiles` };
};

/**
 * The customers a timed run visits, drawn from the whole book. The list of every id (100,000
 * strings) is the bench's own and dies here: held through the run, the young-generation
 * collections that copy it to the old space stopped one visit log in each run for 30–46 ms
 * (--trace-gc), a pause no one at the counter meets, since the app never holds such a list.
 */
const customersToVisit = (core: Core, count: number, random: Random): string[] =>
  sample(core.db.prepare('SELECT id FROM customers WHERE archived_at IS NULL ORDER BY rid').pluck().all() as string[], count, random);

/**
 * Logs visits as the counter does (synchronous=FULL), beside the bare INSERT, then takes them out
 * again the way the app does (archive, then delete for good) so the book stays as it was.
 */
export const logVisitFigure = async (core: Core, count: number): Promise<Figure> => {
  const random = new Random(13);
  const customers = customersToVisit(core, count, random);
  const logged: string[] = [];
  const handler: Timing = await timeEach(customers, async (customerId) => {
    const result = await core.call('visits-log', { customerId, amountMinor: 18000, items: 'bench', satisfaction: 2 });
    if (result.ok) logged.push(result.value.id);
  });
  const insertRaw = core.db.prepare("INSERT INTO visits (id, customer_id, kind, occurred_at, amount_minor, channel, created_at) VALUES (?, ?, 'visit', ?, 18000, 'store', ?)");
  const deleteRaw = core.db.prepare('DELETE FROM visits WHERE id = ?');
  const rawIds: string[] = [];
  const runId = Date.now().toString(36);
  let direct: Timing;
  try {
    direct = await timeEach(customers, (customerId) => {
      const id = `bench-raw-${runId}-${rawIds.length}`;
      insertRaw.run(id, customerId, new Date().toISOString(), new Date().toISOString());
      rawIds.push(id);
    });
  } finally {
    core.db.transaction(() => rawIds.forEach((id) => deleteRaw.run(id)))();
  }
  for (const id of logged) {
    await core.call('visits-archive', { id });
    await core.call('visits-purge', { id });
  }
  return { key: 'log_visit_p95_ms', value: round(handler.p95), unit: 'ms', raw: round(direct.p95), note: `write + summary + satisfaction + lapse + reminders, synchronous=FULL, ${handler.samples} visits, median ${round(handler.median)} ms` };
};

/** Today, the home screen: the agenda handler beside its own queries run raw. */
export const todayFigure = async (core: Core, count: number): Promise<Figure> => {
  const ctx = { db: core.db, now: () => new Date() };
  const today = shopToday(ctx);
  const everyone = { kinds: [], assignee: 'anyone' as const };
  const runs = Array.from({ length: count }, (_, index) => index);
  const handler = await timeEach(runs, () => core.call('reminders-agenda', {}), 5);
  const direct = await timeEach(
    runs,
    () => {
      agendaCounts(core.db, today, plusDays(today, 7));
      overdueRows(core.db, today, everyone, 100);
      dueOnRows(core.db, today, everyone, 100);
      dueBetweenRows(core.db, plusDays(today, 1), plusDays(today, 7), everyone, 100);
    },
    5,
  );
  const open = core.db.prepare("SELECT count(*) FROM reminders WHERE status = 'open'").pluck().get() as number;
  return { key: 'today_ms', value: round(handler.p95), unit: 'ms', raw: round(direct.p95), note: `reminders-agenda p95 over ${handler.samples} reads, ${open} open reminders` };
};

/** Thrown to roll the floor's writes back: the book stays as the pass left it. */
class FloorMeasured extends Error {}

/**
 * The least any full pass must do to this book, in plain SQL and one transaction: read every visit
 * once (counts, spend, first and last visit per customer, over the covering index) and write every
 * customer's loyalty row again (the timed pass starts with them cleared). Rolled back, so the
 * commit's flush is not in it: a floor, below what any pass over these tables can reach.
 */
const rawPassFloor = (core: Core): number => {
  const rows = core.db.prepare('SELECT * FROM customer_loyalty').all() as Record<string, unknown>[];
  const columns = Object.keys(rows[0] ?? {});
  const insert = core.db.prepare(`INSERT INTO customer_loyalty (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
  const activity = core.db.prepare(
    "SELECT customer_id, count(*), sum(amount_minor), min(occurred_at), max(occurred_at) FROM visits WHERE archived_at IS NULL AND kind = 'visit' GROUP BY customer_id",
  );
  const started = performance.now();
  let ms = 0;
  try {
    core.db.transaction(() => {
      activity.all();
      core.db.prepare('DELETE FROM customer_loyalty').run();
      for (const row of rows) insert.run(row);
      ms = performance.now() - started;
      throw new FloorMeasured();
    })();
  } catch (caught) {
    if (!(caught instanceof FloorMeasured)) throw caught;
  }
  return ms;
};

/**
 * The full derived pass (electron/core/derive: activity, lost state, rhythm and lapse, tiers and
 * quadrants, month figures, then every reminder) as the owner starts it, loyalty-recompute, which
 * runs in the job worker. The loyalty pass is timed with rows to rewrite: the stored ones are
 * cleared first, as after an import. Meanwhile the counter searches and tries to log visits: a
 * search must keep answering; a visit log is answered at once, "busy" while the pass writes.
 */
export const recomputeFigures = async (core: Core): Promise<Figure[]> => {
  const random = new Random(17);
  const ids = core.db.prepare('SELECT id FROM customers WHERE archived_at IS NULL ORDER BY rid').pluck().all() as string[];
  const searches: number[] = [];
  const logs: number[] = [];
  const logged: string[] = [];
  let refused = 0;
  const passes: number[] = [];
  // Each phase's share of the pass, from the job's progress: it reports each step as it begins
  // (start, the customers chunk by chunk, the kept months, the reminders), then 'done'.
  const phaseMs = new Map<string, number[]>();
  let phase: { name: string; at: number } | null = null;
  const endPhase = () => {
    if (phase === null || phase.name === 'done') return;
    phaseMs.set(phase.name, [...(phaseMs.get(phase.name) ?? []), performance.now() - phase.at]);
  };
  const stopWatching = core.events.on('job-progress', (event) => {
    if (event.kind !== 'recompute' || event.phase === phase?.name) return;
    endPhase();
    phase = { name: event.phase, at: performance.now() };
  });
  for (let run = 0; run < 2; run += 1) {
    core.db.prepare('DELETE FROM customer_loyalty').run();
    let settled = false;
    const started = performance.now();
    const pass = core.call('loyalty-recompute', {}).finally(() => {
      passes.push(performance.now() - started);
      endPhase();
      phase = null;
      settled = true;
    });
    while (!settled) {
      const searchStarted = performance.now();
      await core.call('customers-search', { query: '陳', limit: 50 });
      searches.push(performance.now() - searchStarted);
      const logStarted = performance.now();
      const result = await core.call('visits-log', { customerId: random.pick(ids), amountMinor: 18000, items: 'bench' });
      logs.push(performance.now() - logStarted);
      if (result.ok) logged.push(result.value.id);
      else refused += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const outcome = await pass;
    if (!outcome.ok) throw new Error(`loyalty-recompute failed: ${outcome.error.code}`);
  }
  stopWatching();
  const byPhase = [...phaseMs].map(([name, runs]) => `${name} ${runs.map((ms) => round(ms, 0)).join('/')}`).join(', ');
  for (const id of logged) {
    await core.call('visits-archive', { id });
    await core.call('visits-purge', { id });
  }
  const customers = core.db.prepare('SELECT count(*) FROM customer_loyalty').pluck().get() as number;
  const floor = rawPassFloor(core);
  const searching = summarise(searches);
  const logging = summarise(logs);
  return [
    {
      key: 'recompute_ms',
      value: round(passes.reduce((sum, ms) => sum + ms, 0) / passes.length, 0),
      unit: 'ms',
      raw: round(floor, 0),
      note: `loyalty-recompute in the job worker over ${customers} customers: every derived figure and reminder, in steps of ${customersPerStep} customers; raw = the least any pass over these tables does, in plain SQL (every visit read once, every loyalty row written; rolled back); runs ${passes.map((ms) => round(ms, 0)).join(' and ')} ms (by phase, ms: ${byPhase})`,
    },
    { key: 'recompute_search_p95_ms', value: round(searching.p95), unit: 'ms', note: `searches answered during the pass (${searching.samples}, median ${round(searching.median)} ms)` },
    {
      key: 'recompute_log_visit_p95_ms',
      value: round(logging.p95),
      unit: 'ms',
      note: `visit logs answered during the pass (${logging.samples}; ${logging.samples - refused} logged, ${refused} refused; median ${round(logging.median)} ms)`,
    },
  ];
};

/**
 * Fitting the value model (BG/NBD and Gamma-Gamma on the shop's own history) in the job worker, as
 * the daily fit and the owner's "fit again" run it. Issue 16: a few seconds at most on the full book.
 */
export const valueFitFigure = async (core: Core): Promise<Figure> => {
  const started = performance.now();
  const fitted = await core.call('loyalty-value-fit', {});
  const ms = performance.now() - started;
  if (!fitted.ok) throw new Error(`loyalty-value-fit failed: ${fitted.error.code}`);
  return { key: 'value_fit_ms', value: round(ms, 0), unit: 'ms', note: `value-fit in the job worker: ${fitted.value.basis} over ${fitted.value.customers} customers (${fitted.value.repeatCustomers} came back)` };
};

/**
 * The whole loyalty dashboard through its handler, for the trailing twelve months and for two
 * years; and, apart, the very first read of a range no read has kept figures for.
 */
export const dashboardFigures = async (core: Core, count: number): Promise<Figure[]> => {
  const month = (back: number) => {
    const date = new Date();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() - back);
    return date.toISOString().slice(0, 7);
  };
  const ranges = Array.from({ length: count }, (_, index) => ({ fromMonth: month(index % 2 === 0 ? 11 : 23), toMonth: month(0) }));
  // The first read of these months in this process: the closed months are kept by the derived data
  // (derive/figures.ts), so what a read has never seen is the current month, which a read keeps
  // (forgotten here), and the spending each customer did in the range (kept per connection).
  core.db.prepare('DELETE FROM visit_month_figures WHERE to_at > ?').run(new Date().toISOString());
  const first = await timeOnce(() => core.call('loyalty-dashboard', ranges[1] ?? ranges[0]!));
  const timing = await timeEach(ranges, (range) => core.call('loyalty-dashboard', range), 2);
  return [
    { key: 'dashboard_ms', value: round(timing.p95), unit: 'ms', note: `loyalty-dashboard p95 over ${timing.samples} reads (12- and 24-month ranges), every chart` },
    { key: 'dashboard_first_read_ms', value: round(first, 0), unit: 'ms', note: 'the first read of 24 months: the current month and the spending counted from the visits' },
  ];
};

/**
 * The Referrals screen and the deepest referral tree: the leaderboard (with the monthly share and
 * conversion it opens with) for each period, and the tree of the referrer with the most people under them.
 */
export const referralsFigures = async (core: Core, count: number): Promise<Figure[]> => {
  const periods = ['30d', '90d', '365d', 'all'] as const;
  const runs = Array.from({ length: count }, (_, index) => periods[index % periods.length]!);
  const overview = await timeEach(runs, (period) => core.call('referrals-overview', { period }), 4);
  const deepest = core.db
    .prepare(
      `WITH RECURSIVE chain (id, root, depth) AS (
         SELECT customer_id, referrer_id, 1 FROM referrals WHERE referrer_id NOT IN (SELECT customer_id FROM referrals)
         UNION ALL SELECT r.customer_id, c.root, c.depth + 1 FROM referrals r JOIN chain c ON r.referrer_id = c.id)
       SELECT root, count(*) AS people, max(depth) AS depth FROM chain GROUP BY root ORDER BY depth DESC, people DESC LIMIT 1`,
    )
    .get() as { root: string; people: number; depth: number } | undefined;
  const figures: Figure[] = [{ key: 'referrals_overview_p95_ms', value: round(overview.p95), unit: 'ms', note: `leaderboard, monthly share and conversion, ${overview.samples} reads over the four periods` }];
  if (deepest) {
    const tree = await timeEach(Array.from({ length: count }, () => deepest.root), (id) => core.call('referrals-tree', { id }), 4);
    figures.push({ key: 'referral_tree_p95_ms', value: round(tree.p95), unit: 'ms', note: `deepest tree: ${deepest.people} people, ${deepest.depth} levels` });
  }
  return figures;
};
