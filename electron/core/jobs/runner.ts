import { AsyncLocalStorage } from 'node:async_hooks';
import { Worker } from 'node:worker_threads';
import type { JobKind, JobProgress } from '../../../shared/contract/jobs';
import { err, type Result } from '../../../shared/result';
import type { EventBus } from '../events';
import { newId } from '../db/ids';
import { nativeBindingForThisProcess } from '../db/native-binding';
import type { JobInput, JobOutput } from '../context';
import { JobCancelled, type JobContext, type JobRunOptions, type JobStarter, type Reservation } from './types';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export interface JobRunnerOptions {
  /** The bundled worker (dist/worker/jobs.cjs); without it jobs run inline (CLI, tests). */
  workerFile?: string;
  projectRoot?: string;
}

interface RunningJob {
  progress: JobProgress;
  cancel: () => void;
  /** Shared with its worker: [1] counts the counter's writes waiting (none inline: nothing runs beside it). */
  signals: Int32Array | null;
  writes: boolean;
  /** Started by the app itself (the value fit, the day's catch-up), not by someone waiting for it. */
  background: boolean;
  /** Settles when the job has ended, however it ended. */
  ended: Promise<void>;
}

/** A write of the counter's in progress: the running jobs it asked to give way, until it lets them go. */
interface CounterWriteClaim {
  signals: Int32Array[];
}

/** The counter's write whose call this code runs in (a handler and everything it awaits), if any. */
const counterWriteInProgress = new AsyncLocalStorage<CounterWriteClaim>();

/** The running jobs a write asked to give way may go on, each told at once. */
const letJobsGoOn = (claim: CounterWriteClaim): void => {
  for (const shared of claim.signals) {
    Atomics.sub(shared, 1, 1);
    Atomics.notify(shared, 1);
  }
  claim.signals = [];
};

/**
 * A counter write that goes on to wait for jobs (a backup or an import asked for while the day's
 * catch-up runs: it waits for that pass to end) lets the running ones go on first. Otherwise each
 * of the pass's steps would give way to a write that is waiting for the pass itself, for the whole
 * of the worker's `longestGiveWayMs` (5 s a step: a backup asked for on a new book waited 20 s).
 */
const stopAskingJobsToGiveWay = (): void => {
  const claim = counterWriteInProgress.getStore();
  if (claim) letJobsGoOn(claim);
};

/** How often progress events are pushed at most: a bar moves smoothly without flooding the transport. */
const progressIntervalMs = 100;

/**
 * How long a worker kept for the job that usually follows waits for it before it is ended: an
 * owner looking at a preview for longer gets a fresh one (its start is a few hundred milliseconds,
 * and an import then reads its file again).
 */
const aheadWaitsMs = 120_000;

/**
 * A job worker's young generation. A long job allocates fast and keeps little of it (an import's
 * cells and checked rows, a pass's chunk of figures): with V8's default of 16 MB semi-spaces an
 * import of 100,000 rows ran about 210 scavenges; with 64 MB ones about 90. Committed only as used.
 */
const jobHeap = { maxYoungGenerationSizeMb: 192 };

/** An error thrown in a worker, rebuilt with its SQLite code so the registry maps it (busy, disk full…). */
const rebuiltError = (reply: Extract<WorkerReply, { type: 'crash' }>): Error => Object.assign(new Error(reply.message), { code: reply.code, stack: reply.stack });

/**
 * Runs long jobs one at a time, off the UI path when a worker is available, pushing progress
 * through the core's event bus. Jobs that write the book (an import) take the single writer's
 * place: the core refuses other writes with BOOK_BUSY until they end.
 *
 * A job someone started (an import, a backup, a restore) waits for a background job the app
 * started itself (the value fit after an import, the day's catch-up) instead of being refused:
 * the owner did not start that one and cannot know it is running. Background jobs never wait;
 * when anything else holds the runner they are refused and their schedulers try again later.
 */
export class JobRunner implements JobStarter {
  private readonly running = new Map<string, RunningJob>();
  private reserved = false;
  /**
   * Settles once the last job's worker has exited, or is idle waiting for the next job. A job may
   * answer before its work afterwards is done (an import's checkpoint): the next job, or a compound
   * task such as a restore that swaps the book file, starts only once no worker of an earlier job
   * still holds the book.
   */
  private lastWorkerExited: Promise<void> = Promise.resolve();
  /**
   * The worker of a job that usually has a follower, kept for it: its code loaded, waiting for a
   * job. `release` takes off the listeners its last job and the keeping put on it.
   */
  private ahead: { worker: Worker; expiry: NodeJS.Timeout; release: () => void } | null = null;

  constructor(
    private readonly events: EventBus,
    private readonly options: JobRunnerOptions,
  ) {}

  get busy(): boolean {
    return this.reserved || this.running.size > 0;
  }

  /** True while a worker kept from the last job waits for the next. */
  get workerWaiting(): boolean {
    return this.ahead !== null;
  }

  /** True while a job holds the book's write lock. */
  get writing(): boolean {
    return [...this.running.values()].some((job) => job.writes);
  }

  list(): JobProgress[] {
    return [...this.running.values()].map((job) => ({ ...job.progress }));
  }

  /**
   * Runs a write of the counter's while jobs in steps let it go first: each running worker sees it
   * waiting between two of its transactions and pauses until it is done.
   */
  async counterWrite<T>(write: () => Promise<T>): Promise<T> {
    const claim: CounterWriteClaim = { signals: [...this.running.values()].flatMap((job) => (job.signals === null ? [] : [job.signals])) };
    for (const shared of claim.signals) Atomics.add(shared, 1, 1);
    try {
      return await counterWriteInProgress.run(claim, write);
    } finally {
      letJobsGoOn(claim);
    }
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job?.progress.cancellable) return false;
    job.cancel();
    return true;
  }

  async reserve(): Promise<Reservation | null> {
    if (this.reserved || this.foregroundRunning()) return null;
    this.reserved = true;
    stopAskingJobsToGiveWay();
    await Promise.all([this.backgroundEnded(), this.lastWorkerExited]);
    return { release: () => (this.reserved = false) };
  }

  async run<K extends JobKind>(kind: K, input: JobInput<K>, options: JobRunOptions): Promise<Result<JobOutput<K>>> {
    const background = options.background ?? false;
    const refused = background ? this.busy : this.foregroundRunning() || (this.reserved && options.reservation === undefined);
    if (refused) return err('INVALID_STATE', { reason: 'job_running' });
    const jobId = newId();
    const progress: JobProgress = { jobId, kind, phase: 'start', done: 0, total: 0, cancellable: options.cancellable };
    let lastSent = 0;
    const report = (phase: string, done: number, total: number) => {
      const phaseChanged = phase !== progress.phase;
      Object.assign(progress, { phase, done, total });
      const now = Date.now();
      if (phaseChanged || now - lastSent >= progressIntervalMs || done === total) {
        lastSent = now;
        this.events.emit('job-progress', { ...progress });
      }
    };
    let markEnded = () => undefined as void;
    const ended = new Promise<void>((resolve) => (markEnded = resolve));
    const job: RunningJob = { progress, cancel: () => undefined, signals: null, writes: options.writes ?? false, background, ended };
    // Registered before waiting, so a second request sees this one and the owner's screen shows it starting.
    const waitFor = this.backgroundEnded();
    this.running.set(jobId, job);
    this.events.emit('job-progress', { ...progress });
    let outcome: Result<JobOutput<K>> | undefined;
    try {
      stopAskingJobsToGiveWay();
      await Promise.all([waitFor, this.lastWorkerExited]);
      outcome = await (this.options.workerFile ? this.inWorker(kind, input, job, report, options.anotherFollows ?? false) : this.inline(kind, input, job, report));
      return outcome;
    } finally {
      this.running.delete(jobId);
      markEnded();
      this.events.emit('job-finished', { jobId, kind, ok: outcome?.ok ?? false });
    }
  }

  /** Ends the worker waiting ahead, if any (the core closing). */
  close(): void {
    const ahead = this.takeAhead();
    if (ahead) void ahead.terminate();
  }

  /**
   * Keeps the worker of a job that answered for the job that usually follows: loading a worker's
   * code and SQLite takes a few hundred milliseconds that would otherwise come before that job, and
   * what this one read is still in the worker's memory (an import's file, import/jobs.ts). Once
   * idle it no longer keeps the process alive (until then someone may be waiting for it to be), and
   * it ends when no job takes it in time.
   */
  private keepAhead(worker: Worker, releaseJob: () => void): void {
    const forget = () => {
      if (this.ahead?.worker !== worker) return;
      clearTimeout(this.ahead.expiry);
      this.ahead = null;
    };
    worker.once('error', forget);
    worker.once('exit', forget);
    const expiry = setTimeout(() => {
      forget();
      void worker.terminate();
    }, aheadWaitsMs);
    expiry.unref();
    const release = () => {
      worker.off('error', forget);
      worker.off('exit', forget);
      releaseJob();
    };
    this.ahead = { worker, expiry, release };
  }

  /**
   * The worker waiting ahead, now the caller's (listeners and timer released), or null. Only the
   * listeners put on it here go: removing every listener of a Worker also stops its messages from
   * arriving as they are sent (they came all at once when the job ended).
   */
  private takeAhead(): Worker | null {
    const ahead = this.ahead;
    if (ahead === null) return null;
    this.ahead = null;
    clearTimeout(ahead.expiry);
    ahead.release();
    return ahead.worker;
  }

  private foregroundRunning(): boolean {
    return [...this.running.values()].some((job) => !job.background);
  }

  /** Settles once every background job running now has ended. */
  private async backgroundEnded(): Promise<void> {
    await Promise.all([...this.running.values()].filter((job) => job.background).map((job) => job.ended));
  }

  private async inline<K extends JobKind>(kind: K, input: JobInput<K>, job: RunningJob, report: JobContext['report']): Promise<Result<JobOutput<K>>> {
    let cancelled = false;
    job.cancel = () => (cancelled = true);
    const afterwards: (() => void)[] = [];
    const context: JobContext = {
      report,
      get cancelled() {
        return cancelled;
      },
      projectRoot: this.options.projectRoot,
      // Inline (CLI, tests) the job and the counter share one thread: nothing can be waiting.
      giveWay: () => undefined,
      // Inline no one is answered sooner: the work is done as the job ends.
      afterwards: (work) => afterwards.push(work),
    };
    try {
      // Loaded on first use: the jobs bring the import's encoding detection (about half of the
      // host's bundle), which browser mode and the desktop app only ever run in the worker.
      const { jobTable } = await import('./table');
      return (await (jobTable[kind] as (input: JobInput<K>, job: JobContext) => Promise<Result<JobOutput<K>>>)(input, context));
    } catch (caught) {
      if (caught instanceof JobCancelled) return err('INVALID_STATE', { reason: 'cancelled' });
      throw caught;
    } finally {
      for (const work of afterwards) work();
    }
  }

  private inWorker<K extends JobKind>(kind: K, input: JobInput<K>, job: RunningJob, report: JobContext['report'], stays: boolean): Promise<Result<JobOutput<K>>> {
    // Cancelling is a flag in shared memory: the worker's job is busy in synchronous SQLite calls
    // and sees it between chunks, then rolls back and closes its connection cleanly.
    const signals = new Int32Array(new SharedArrayBuffer(8));
    job.cancel = () => Atomics.store(signals, 0, 1);
    job.signals = signals;
    const request: WorkerRequest = { kind, input, signals, projectRoot: this.options.projectRoot, nativeBinding: nativeBindingForThisProcess(this.options.projectRoot ?? process.cwd()), stays };
    return new Promise((resolve, reject) => {
      const ahead = this.takeAhead();
      const worker = ahead ?? new Worker(this.options.workerFile as string, { workerData: request, resourceLimits: jobHeap });
      let markDone = () => undefined as void;
      this.lastWorkerExited = new Promise((done) => (markDone = done));
      let settled = false;
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'progress') report(reply.phase, reply.done, reply.total);
        else if (reply.type === 'idle') {
          if (this.ahead?.worker === worker) worker.unref();
          markDone();
        } else if (reply.type === 'result') {
          settled = true;
          // Kept from its answer on (the worker keeps itself only after an answer, too); the next job waits for its idle.
          if (stays) this.keepAhead(worker, release);
          resolve(reply.result as Result<JobOutput<K>>);
        } else if (reply.type === 'cancelled') {
          settled = true;
          resolve(err('INVALID_STATE', { reason: 'cancelled' }));
        } else {
          settled = true;
          reject(rebuiltError(reply));
        }
      };
      const onError = (error: Error) => {
        if (!settled) reject(error);
        settled = true;
      };
      const onExit = (code: number) => {
        markDone();
        if (!settled) reject(new Error(`the ${kind} worker stopped (exit code ${code}) without an answer`));
      };
      const release = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      if (ahead) {
        // The job keeps the process alive from here, as a worker started for it does.
        ahead.ref();
        ahead.postMessage(request);
      }
    });
  }
}
