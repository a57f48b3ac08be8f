import { plusDays } from '../../../shared/reminders/days';
import { localDay, startOfLocalDay } from '../../../shared/time';
import { settleMissedPromises } from '../complaints';
import type { HandlerContext } from '../context';
import { catchUpDerived } from '../derive';
import type { JobRunner } from '../jobs';
import { readDueSummary } from './agenda';
import { generateReminders } from './engine';
import { shopTimeZone } from './settings';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const nodeTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The day timer never keeps a process alive on its own.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const hourMs = 3_600_000;

/** Where the day's catch-up can run as the worker's recompute job: the runner and the book's file. */
export interface DayJobs {
  runner: JobRunner;
  bookFile: string;
}

/**
 * While the app runs, turns the reminders over at the shop's midnight (in the shop's zone, not the
 * computer's): generates the new day's reminders, refreshes the screens and announces what is due
 * for the desktop notification. It wakes at least hourly, so a sleeping laptop or a changed zone
 * is caught up within the hour.
 */
export class ReminderDays {
  private day: string;
  private handle: unknown = null;

  constructor(
    private readonly ctx: Pick<HandlerContext, 'db' | 'now' | 'events'>,
    private readonly timers: Timers = nodeTimers,
    private readonly jobs: DayJobs | null = null,
  ) {
    this.day = this.today();
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  /**
   * Runs the day's jobs if the shop's day changed since the last check; returns whether it did.
   * With a job runner the catch-up (a pass over the whole book) is the worker's recompute job and
   * the counter keeps answering; when the runner is taken by another job, it runs here.
   */
  check(): boolean {
    const today = this.today();
    if (today === this.day) return false;
    this.day = today;
    settleMissedPromises(this.ctx.db, this.ctx.now());
    if (this.jobs !== null && !this.jobs.runner.busy) {
      void this.inWorker(this.jobs, today).catch((caught: unknown) => console.error('[regulars] the day’s catch-up failed:', caught));
      return true;
    }
    // The trailing year moved by a day: the derived figures first, then the day's reminders (green channel included).
    catchUpDerived(this.ctx);
    generateReminders(this.ctx);
    this.announce(today);
    return true;
  }

  private async inWorker(jobs: DayJobs, today: string): Promise<void> {
    const pass = await jobs.runner.run('recompute', { bookFile: jobs.bookFile, now: this.ctx.now().toISOString(), pass: 'rules' }, { cancellable: false, background: true });
    if (!pass.ok) {
      catchUpDerived(this.ctx);
      generateReminders(this.ctx);
    }
    this.announce(today);
  }

  private announce(today: string): void {
    this.ctx.events.emit('data-changed', { handler: 'reminders-new-day' });
    this.ctx.events.emit('reminders-due', readDueSummary(this.ctx.db, today));
  }

  private today(): string {
    return localDay(this.ctx.now(), shopTimeZone(this.ctx.db));
  }

  private schedule(): void {
    const zone = shopTimeZone(this.ctx.db);
    const now = this.ctx.now().getTime();
    const nextMidnight = Date.parse(startOfLocalDay(plusDays(localDay(new Date(now), zone), 1), zone));
    const delay = Math.min(hourMs, Math.max(1_000, nextMidnight - now + 1_000));
    this.handle = this.timers.setTimeout(() => {
      this.check();
      this.schedule();
    }, delay);
  }
}
