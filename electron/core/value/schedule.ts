import { localDay } from '../../../shared/time';
import type { Db } from '../db/connection';
import type { EventBus } from '../events';
import type { JobStarter } from '../jobs';
import { shopTimeZone } from '../reminders';
import { valueHorizonOf } from './fit';
import { latestValueFit } from './queries';

export interface ValueFitScheduleDeps {
  /** The live book (a restore replaces it). */
  db: () => Db;
  bookFile: string;
  now: () => Date;
  jobs: JobStarter;
  events: EventBus;
}

/** Writes after which the book's history is a different one: the models are fitted again. */
const refitAfter = new Set(['import-commit', 'import-undo', 'restore-confirm', 'restore-undo', 'loyalty-settings-update', 'reminders-new-day']);

const firstCheckDelayMs = 20_000;
const checkEveryMs = 30 * 60_000;
/** A burst of writes (an import, then its tier pass) asks for one fit, a moment after the last. */
const settleMs = 3_000;
/** Another job (a backup, an import) holds the runner: try again shortly. */
const busyRetryMs = 60_000;

/**
 * Fits the value models in the job worker while the app runs: once a day (the first check soon
 * after start), after imports and restores, and when the horizon or discount changes. The counter
 * keeps answering meanwhile; each fit ends with a data-changed event so open screens refresh.
 */
export class ValueFitSchedule {
  private timers: NodeJS.Timeout[] = [];
  private pending: NodeJS.Timeout | null = null;
  private requested = false;
  private running = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: ValueFitScheduleDeps) {}

  /** Due when never fitted, not fitted today (shop's day), asked for, or fitted under another horizon or discount. */
  due(): boolean {
    if (this.requested) return true;
    const db = this.deps.db();
    const fit = latestValueFit(db);
    if (fit === null) return true;
    const zone = shopTimeZone(db);
    const horizon = valueHorizonOf(db);
    return (
      localDay(fit.fitted_at, zone) !== localDay(this.deps.now(), zone) ||
      fit.horizon_years !== horizon.years ||
      fit.annual_discount_rate !== horizon.annualDiscountRate
    );
  }

  async runIfDue(): Promise<boolean> {
    if (this.running || !this.due()) return false;
    if (this.deps.jobs.busy) {
      this.later(busyRetryMs);
      return false;
    }
    this.running = true;
    this.requested = false;
    try {
      const fitted = await this.deps.jobs.run('value-fit', { bookFile: this.deps.bookFile, now: this.deps.now().toISOString() }, { cancellable: false, background: true });
      if (fitted.ok) this.deps.events.emit('data-changed', { handler: 'value-fit' });
      else this.later(busyRetryMs);
      return fitted.ok;
    } finally {
      this.running = false;
    }
  }

  start(): void {
    this.unsubscribe = this.deps.events.on('data-changed', ({ handler }) => {
      if (!refitAfter.has(handler)) return;
      this.requested = true;
      this.later(settleMs);
    });
    const first = setTimeout(() => this.tick(), firstCheckDelayMs);
    const every = setInterval(() => this.tick(), checkEveryMs);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  stop(): void {
    this.unsubscribe?.();
    for (const timer of this.timers) clearTimeout(timer);
    if (this.pending !== null) clearTimeout(this.pending);
    this.timers = [];
    this.pending = null;
  }

  private tick(): void {
    void this.runIfDue().catch((caught: unknown) => console.error('[regulars] fitting the value model failed:', caught));
  }

  private later(delayMs: number): void {
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      this.tick();
    }, delayMs);
    this.pending.unref();
  }
}
