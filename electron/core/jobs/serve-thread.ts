import { parentPort, workerData } from 'node:worker_threads';
import { customerRecordParticipants } from '../customer-record-participants';
import { adoptParentBinding } from '../db/native-binding';
import { startSyncListener, type ServeCommand, type ServeReply, type ServeRequest } from '../sync';

/**
 * The thread that serves a shared book on the shop's network while the app runs (bundled to
 * dist/worker/serve.cjs; sync/serving.ts starts it): the listener and its sessions, each writing
 * what another device sent with the thread's own connection. Before each session it asks the app
 * for its turn, so a session and the app's own sync never run at once.
 */
const request = workerData as ServeRequest;
adoptParentBinding(request.nativeBinding);
const post = (reply: ServeReply) => parentPort?.postMessage(reply);
const offsetMs = request.nowMs - Date.now();
const waiting: (() => void)[] = [];

const turn = () =>
  new Promise<() => void>((resolve) => {
    waiting.push(() => resolve(() => post({ type: 'turn-done' })));
    post({ type: 'turn' });
  });

const serve = async () => {
  const started = await startSyncListener({
    bookFile: request.bookFile,
    projectRoot: request.projectRoot,
    participants: customerRecordParticipants,
    host: request.host,
    port: request.port,
    now: () => new Date(Date.now() + offsetMs),
    turn,
    onSession: (report) => post({ type: 'session', report }),
  });
  if (!started.ok) {
    post({ type: 'refused', error: started.error });
    return parentPort?.close();
  }
  parentPort?.on('message', (command: ServeCommand) => {
    if (command.type === 'go') return waiting.shift()?.();
    void started.value.close().then(() => parentPort?.close());
  });
  post({ type: 'listening', address: started.value.address, port: started.value.port });
};

void serve();
