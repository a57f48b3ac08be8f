import { plusDays } from '../../../shared/reminders/days';
import { localDay, startOfLocalDay } from '../../../shared/time';
import { settleMissedPromises } from '../complaints';
import type { HandlerContext } from '../context';
import { catchUpDerived } from '../derive';
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

  /** Runs the day's jobs if the shop's day changed since the last check; returns whether it did. */
  check(): boolean {
    const today = this.today();
    if (today === this.day) return false;
    this.day = today;
    settleMissedPromises(this.ctx.db, this.ctx.now());
    // The trailing year moved by a day: the derived figures first, then the day's reminders (green channel included).
    catchUpDerived(this.ctx);
    generateReminders(this.ctx);
    this.ctx.events.emit('data-changed', { handler: 'reminders-new-day' });
    this.ctx.events.emit('reminders-due', readDueSummary(this.ctx.db, today));
    return true;
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
