import { Worker } from 'node:worker_threads';
import type { AppError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import type { CustomerRecordsParticipant } from '../customer-records';
import { startSyncListener, type SessionReport } from './network/server';

/** Where the app serves its book on the shop's network, and how it hears of each session. */
export interface ServingInput {
  bookFile: string;
  projectRoot: string;
  host: string;
  port: number;
  now: () => Date;
  participants: readonly CustomerRecordsParticipant[];
  /** Waits for this device's own syncs to end before a session runs; answers the release. */
  turn: () => Promise<() => void>;
  onSession: (report: SessionReport) => void;
  /** The listener stopped by itself (its thread ended): the app no longer serves. */
  onStopped: () => void;
}

export interface Serving {
  address: string;
  port: number;
  close: () => Promise<void>;
}

/** What the app sends the serving thread (as workerData). */
export interface ServeRequest {
  bookFile: string;
  projectRoot: string;
  host: string;
  port: number;
  /** The app's clock when serving started (tests run the app at a set time): the thread's clock runs on from it. */
  nowMs: number;
  nativeBinding: string | undefined;
}

/** The app to the serving thread: a session may run now; stop serving. */
export type ServeCommand = { type: 'go' } | { type: 'close' };

/** The serving thread to the app. */
export type ServeReply =
  | { type: 'listening'; address: string; port: number }
  | { type: 'refused'; error: AppError }
  | { type: 'turn' }
  | { type: 'turn-done' }
  | { type: 'session'; report: SessionReport };

/** In this thread (the command line's tests, a core without a job worker): the listener itself. */
export const serveInline = async (input: ServingInput): Promise<Result<Serving>> => {
  const { turn, onSession, ...rest } = input;
  const started = await startSyncListener({ ...rest, turn, onSession });
  if (!started.ok) return started;
  return ok({ address: started.value.address, port: started.value.port, close: started.value.close });
};

/**
 * In a thread of its own (dist/worker/serve.cjs), so a session writing what another device sent
 * into the book — seconds on a large book — never holds up the counter; the thread asks the app
 * for its turn before each session, as the app's own syncs take theirs.
 */
export const serveInThread = (input: ServingInput, workerFile: string, nativeBinding: string | undefined): Promise<Result<Serving>> => {
  const request: ServeRequest = { bookFile: input.bookFile, projectRoot: input.projectRoot, host: input.host, port: input.port, nowMs: input.now().getTime(), nativeBinding };
  const worker = new Worker(workerFile, { workerData: request });
  const releases: (() => void)[] = [];
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let listening = false;
  let closing = false;
  return new Promise((resolve) => {
    worker.on('message', (reply: ServeReply) => {
      if (reply.type === 'listening') {
        listening = true;
        resolve(
          ok({
            address: reply.address,
            port: reply.port,
            close: async () => {
              closing = true;
              worker.postMessage({ type: 'close' } satisfies ServeCommand);
              await exited;
            },
          }),
        );
      } else if (reply.type === 'refused') resolve({ ok: false, error: reply.error });
      else if (reply.type === 'turn') void input.turn().then((release) => {
        releases.push(release);
        worker.postMessage({ type: 'go' } satisfies ServeCommand);
      });
      else if (reply.type === 'turn-done') releases.shift()?.();
      else input.onSession(reply.report);
    });
    worker.on('error', (caught) => console.error('[regulars] serving the book on the network failed:', caught));
    void exited.then(() => {
      // A session cut short by the thread's end gives its turn back.
      for (const release of releases.splice(0)) release();
      if (listening && !closing) input.onStopped();
      else resolve(err('INVALID_STATE', { reason: 'cannot_listen' }));
    });
  });
};
