import { rmSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { checkBook } from '../../electron/core/check';
import { customerRecordParticipants, openCore, type Core } from '../../electron/core/core';
import { bookPath } from '../../electron/core/paths';
import { fetchJoinedBook, inviteDevice, joinDevice, syncThroughFolder } from '../../electron/core/sync';
import { tempDir } from './core';
import { expectOk } from './result';

/** Devices of one shared book in one process, for the sync tests (issue 19). */

export const projectRoot = process.cwd();
const made: string[] = [];
const opened: Core[] = [];

/** Closes every device opened so far and removes their folders: after each test, and after each history a property plays. */
export const closeDevices = (): void => {
  for (const core of opened.splice(0)) core.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
};

afterEach(closeDevices);

export const folderFor = (): string => {
  const dir = tempDir('regulars-sync-');
  made.push(dir);
  return dir;
};

export const open = (dataDir: string, now?: () => Date): Core => {
  const core = openCore({ dataDir, transport: 'browser', authority: 'counter', systemLocales: ['zh-TW'], projectRoot, ...(now === undefined ? {} : { now }) });
  opened.push(core);
  return core;
};

/** What every device must agree on: the recorded facts and every figure derived from them. */
export const agreed = (core: Core): string => {
  const rows = (sql: string) => core.db.prepare(sql).all();
  return JSON.stringify({
    customers: rows(
      'SELECT id, name, email, notes, archived_at, visit_count, revenue_minor, first_visit_at, last_visit_at, last_contact_at, lapses_on, lost_at, search_phones, search_tags FROM customers ORDER BY id',
    ),
    phones: rows('SELECT customer_id, position, display, e164 FROM customer_phones ORDER BY customer_id, position'),
    tags: rows('SELECT customer_id, kind, position, value FROM customer_tags ORDER BY customer_id, kind, position'),
    visits: rows('SELECT id, customer_id, kind, occurred_at, amount_minor, archived_at FROM visits ORDER BY id'),
    complaints: rows('SELECT id, customer_id, state, severity, description, resolution FROM complaints ORDER BY id'),
    transitions: rows('SELECT id, complaint_id, action, to_state FROM complaint_transitions ORDER BY id'),
    merges: rows('SELECT id, survivor_id, absorbed_id, undone_at FROM customer_merges ORDER BY id'),
    loyalty: rows('SELECT customer_id, revenue_12m_minor, visits_12m, money_tier, points, tier, loyalty, quadrant FROM customer_loyalty ORDER BY customer_id'),
    reminders: rows("SELECT kind, reason_key, customer_id, due_day, status FROM reminders WHERE status = 'open' ORDER BY kind, reason_key"),
    devices: rows('SELECT id, name, removed_at FROM sync_devices ORDER BY id'),
    // Values entered apart, as each device shows them: every device must know every value.
    conflicts: rows('SELECT tbl, row_key, col, values_json FROM sync_conflicts ORDER BY tbl, row_key, col'),
  });
};

/**
 * Three devices of one book (A made it and invited B and C), each with a core open. `folders`: the
 * shared folder as each device sees it — one folder for all, or one each (a sync service copying
 * between them, as Dropbox does); the joining devices fetch the book from their own. `now`: the
 * shop's clock on every device and in every sync (a test that lets hours pass, so promises break).
 */
export const threeDevices = async (
  prepare: (a: Core) => Promise<void>,
  folders: readonly string[] = [folderFor()],
  bundlesBeforeCompacting?: number,
  now: () => Date = () => new Date(),
) => {
  const folderOf = (index: number) => folders[index % folders.length]!;
  const dirs = [folderFor(), folderFor(), folderFor()] as const;
  const first = open(dirs[0], now);
  await prepare(first);
  const code = inviteDevice(first.db, bookPath(dirs[0]), now(), 'Counter');
  const cores: Core[] = [first];
  const sync = async (index: number, folder = folderOf(index)) =>
    expectOk(await syncThroughFolder({ bookFile: bookPath(dirs[index]!), folder, projectRoot, participants: customerRecordParticipants, now, bundlesBeforeCompacting }));
  await sync(0);
  return {
    folder: folders[0]!,
    dirs,
    cores: cores as [Core, Core, Core],
    sync,
    /**
     * Makes B and C devices of the book; each fetches it from its own view of the folder
     * (`beforeFetch` brings it there), or from the folder `fetchFrom` names.
     */
    join: async (beforeFetch: (index: number) => void = () => undefined, fetchFrom: (index: number) => string = folderOf) => {
      for (const [offset, dir] of dirs.slice(1).entries()) {
        const empty = open(dir, now);
        expectOk(joinDevice(empty.db, bookPath(dir), code, offset === 0 ? 'Laptop' : 'Second shop'));
        empty.close();
        beforeFetch(offset + 1);
        expectOk(await fetchJoinedBook({ bookFile: bookPath(dir), folder: fetchFrom(offset + 1), projectRoot }));
        cores.push(open(dir, now));
      }
    },
    /** Syncs in this order, then checks that every device holds the same book and each is sound. */
    settle: async (order: readonly number[]) => {
      for (const index of order) await sync(index);
      expectSameBook(cores, dirs);
    },
  };
};

export const expectSameBook = (cores: readonly Core[], dirs: readonly string[]): void => {
  const [a, ...others] = cores.map((core) => agreed(core));
  // Compared as objects, so a difference shows where it is.
  for (const other of others) expect(JSON.parse(other)).toEqual(JSON.parse(a!));
  for (const dir of dirs) expect(checkBook(dir, projectRoot).problems).toEqual([]);
};
