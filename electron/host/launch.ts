import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { coreEventNames, type CoreEventName } from '../../shared/contract/events';
import type { Result } from '../../shared/result';
import type { Core } from '../core/core';
import { loadBundle } from '../runtime/code-cache';
import { hostCoreOf, startHost, type HostCore } from './server';

/**
 * Browser mode's entry (dist/host/index.cjs): a small bundle that serves the page from a thread of
 * its own while the main thread loads the host's core (dist/host/app.cjs, 3.5 MB) from V8's code
 * cache and opens the book.
 *
 * Loading the core (compiling and running its modules, opening the book) holds its thread for
 * longer than the browser takes to fetch the page's files and read them. On one thread the two
 * took turns: the page first, then the core while the browser read it, and the first call waited
 * for the rest of the load. On two they overlap from the start: the serving thread listens and
 * sends the page's files at once, and the core is open by the time the page asks for Today's
 * agenda (cold start on the full book, medians of alternate runs: see the commit). Calls reach the
 * core as messages; one that comes while it loads waits for it, so every answer is the core's.
 *
 * The code cache (runtime/code-cache.ts) is written when the host exits, next to the bundle.
 */
const appFile = path.join(__dirname, 'app.cjs');
const projectRoot = path.resolve(__dirname, '..', '..');

interface HostApp {
  openBrowserCore: () => Core;
}

/** What the serving thread is started with. */
interface ServingData {
  token: string;
  port: number;
  staticDir: string;
}

/** Between the serving thread and the core's: calls and their answers (as JSON text, exactly what the core answered), events, stopping. */
type ToCore = { kind: 'call'; id: number; name: unknown; input: unknown; origin: string | undefined } | { kind: 'closed' };
type ToServing = { kind: 'answer'; id: number; json: string } | { kind: 'event'; event: CoreEventName; payload: unknown } | { kind: 'close' };

/** Runs app.cjs, from the code cache when there is one for it, and answers what it exports. */
const loadApp = (): HostApp => {
  const app = loadBundle(appFile, module);
  // Written when the host exits: by then V8 has compiled what a session runs, not only the start.
  if (app.saveCache !== null) process.once('exit', app.saveCache);
  return app.exports as HostApp;
};

/** The serving thread: the HTTP server, with the core behind messages to the main thread. */
const serve = async (port: MessagePort, data: ServingData): Promise<void> => {
  const waiting = new Map<number, (answer: Result<unknown>) => void>();
  const listeners = new Map<CoreEventName, Set<(payload: unknown) => void>>();
  let nextId = 0;
  const send = (message: ToCore): void => port.postMessage(message);
  const core: HostCore = {
    call: (name, input, origin) =>
      new Promise((resolve) => {
        nextId += 1;
        waiting.set(nextId, resolve);
        send({ kind: 'call', id: nextId, name, input, origin });
      }),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const host = await startHost({ core, staticDir: data.staticDir, token: data.token, port: data.port });
  port.on('message', (message: ToServing) => {
    if (message.kind === 'answer') {
      waiting.get(message.id)?.(JSON.parse(message.json) as Result<unknown>);
      waiting.delete(message.id);
    } else if (message.kind === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    } else {
      void host.close().then(() => send({ kind: 'closed' }));
    }
  });
  // Written from this thread: the main thread, busy loading the core, would print it only afterwards.
  writeSync(1, `Regulars is running at ${host.url}\n`);
};

/** The main thread: starts the serving thread, loads the core meanwhile, then answers the calls it passes on. */
const main = (): void => {
  const serving = new Worker(__filename, {
    workerData: {
      token: randomBytes(24).toString('base64url'),
      port: Number(process.env.REGULARS_PORT ?? 0),
      staticDir: path.join(projectRoot, 'dist', 'renderer'),
    } satisfies ServingData,
  });
  serving.on('error', (caught) => {
    console.error('Regulars could not serve browser mode:', caught);
    process.exit(1);
  });
  // Listened for before the core loads: a stop asked for meanwhile is handled once the book is
  // open, instead of ending the process in the middle of opening it.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    send({ kind: 'close' });
    // The end-of-day automatic backup (if the book changed) runs before the book closes.
    void closed
      .then(() => core.backUpBeforeQuit())
      .finally(() => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const core = loadApp().openBrowserCore();
  const host = hostCoreOf(core);
  const send = (message: ToServing): void => serving.postMessage(message);
  for (const event of coreEventNames) host.on(event, (payload) => send({ kind: 'event', event, payload }));
  // Calls sent while the core loaded waited in the channel; they are answered from here on, in order.
  const closed = new Promise<void>((resolve) => {
    serving.on('message', (message: ToCore) => {
      if (message.kind === 'closed') return resolve();
      void host.call(message.name, message.input, message.origin).then((answer) => send({ kind: 'answer', id: message.id, json: JSON.stringify(answer) }));
    });
  });
};

if (isMainThread) main();
else if (parentPort !== null) void serve(parentPort, workerData as ServingData);
