import type { Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import { err, ok, type Result } from '../../../../shared/result';
import { openDatabase, type Db } from '../../db/connection';
import { readDevice, type Device } from '../device';
import { withSyncSession, type SessionInput } from '../session';
import { announceAddress, formatAddress, reachableHost, withdrawAddress } from './address';
import { sendBook } from './book-transfer';
import { answerOnNetwork, isLoopbackHost } from './discovery';
import { BucketExchange, differingBuckets, exchangeAsServer, headsSummary } from './exchange';
import { ChannelError, FrameChannel } from './frames';
import { keyFor, linkFromPairing, linkStands, readIdentity, type PeerIdentity } from './links';
import { removedFromBook } from './removal';
import { expectMessage, protocolVersion, RefusedError, sendMessage, type Refusal } from './messages';
import { serverTlsOptions } from './tls';

export interface ListenerInput extends SessionInput {
  /** The address to listen on: an interface of this computer, or 0.0.0.0 for every one. */
  host: string;
  /** 0: any free port. */
  port: number;
  /** How long either side waits for the other before ending a session. */
  timeoutMs?: number;
  /** Told of each session as it ends. */
  onSession?: (report: SessionReport) => void;
  /**
   * Waits until this device's own syncs let a session run (the app syncs through its folder too:
   * two syncs at once would both write the documents' files); answers the release.
   */
  turn?: () => Promise<() => void>;
}

export interface SessionReport {
  /** The device that connected, as it named itself (null when it never said). */
  device: string | null;
  outcome: 'synced' | 'book-sent' | 'refused' | 'failed';
  /** For refused and failed sessions: the stable reason. */
  reason?: string;
  /** Bucket documents that took changes from the device. */
  received?: number;
}

export interface SyncListener {
  /** Where other devices reach this one: `regulars://host:port`. */
  address: string;
  port: number;
  close: () => Promise<void>;
}

const defaultTimeoutMs = 60_000;

class SessionRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

/**
 * Serves this shared book to its other devices on the shop's network until closed: TLS with
 * pre-shared keys (an invitation's pairing secret, then each device's own link), then per session
 * either the whole book for a device joining, or Automerge's sync protocol over the bucket
 * documents that differ, written into the book in the one transaction every sync uses. Sessions
 * run one at a time; a device unknown is refused during the handshake, a removed one right after
 * its greeting, in words.
 */
export const startSyncListener = async (input: ListenerInput): Promise<Result<SyncListener>> => {
  const device = readDevice(input.bookFile);
  if (device === null) return err('INVALID_STATE', { reason: 'not_shared' });
  if (device.awaitingBook) return err('INVALID_STATE', { reason: 'book_not_fetched' });
  const timeoutMs = input.timeoutMs ?? defaultTimeoutMs;
  // The gate's own connection: the handshake asks it synchronously for the key a device claims.
  const gate = openDatabase(input.bookFile, { projectRoot: input.projectRoot, captureForSharing: false, busyTimeoutMs: 10_000 });
  const identities = new WeakMap<TLSSocket, { identity: PeerIdentity; key: Buffer }>();
  const server = createServer(
    serverTlsOptions((socket, text) => {
      const identity = readIdentity(text);
      const key = identity === null ? null : keyFor(gate, identity, input.now());
      if (identity !== null && key !== null) identities.set(socket, { identity, key });
      return key;
    }),
  );
  const open = new Set<Socket>();
  let queue: Promise<void> = Promise.resolve();
  server.on('secureConnection', (socket: TLSSocket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    const claimed = identities.get(socket);
    if (claimed === undefined) return void socket.destroy();
    // A removed device is told so at once, outside the queue: it never holds up another device's session.
    if (claimed.identity.kind === 'link' && removedLink(gate, claimed.identity.deviceId, claimed.key)) {
      return void refuseRemoved(new FrameChannel(socket, timeoutMs), claimed.identity.deviceId, input);
    }
    queue = queue.then(async () => {
      const release = (await input.turn?.()) ?? (() => undefined);
      try {
        await serveSession(socket, claimed, device, input, gate, timeoutMs);
      } finally {
        release();
      }
    });
  });
  // A failed handshake (no key, wrong key) is the connecting device's failure; this device goes on serving.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  const listening = await new Promise<Result<number>>((resolve) => {
    server.once('error', (caught: NodeJS.ErrnoException) => resolve(err('INVALID_STATE', { reason: caught.code === 'EADDRINUSE' ? 'port_in_use' : 'cannot_listen' })));
    server.listen(input.port, input.host, () => {
      const address = server.address();
      resolve(ok(typeof address === 'object' && address !== null ? address.port : input.port));
    });
  });
  if (!listening.ok) {
    gate.close();
    return listening;
  }
  const address = formatAddress(reachableHost(input.host), listening.value);
  announceAddress(input.bookFile, address);
  // Devices whose stored address stops answering find this one again by its name (discovery.ts).
  const answering = isLoopbackHost(input.host) ? null : answerOnNetwork(device.deviceId, listening.value);
  let closed: Promise<void> | null = null;
  return ok({
    address,
    port: listening.value,
    close: () =>
      (closed ??= (async () => {
        withdrawAddress(input.bookFile);
        await answering?.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of open) socket.destroy();
        await stopped;
        await queue;
        gate.close();
      })()),
  });
};

/** A link revoked, or a device the book's registry says was removed. */
const removedLink = (gate: Db, deviceId: string, key: Buffer): boolean => !linkStands(gate, deviceId, key) || removedFromBook(gate, deviceId);

const refuseRemoved = (channel: FrameChannel, deviceId: string, input: ListenerInput): void => {
  void sendMessage(channel, { t: 'refused', reason: 'device_removed' })
    .catch(() => undefined)
    .finally(() => channel.close());
  input.onSession?.({ device: deviceId, outcome: 'refused', reason: 'device_removed' });
};

const serveSession = async (
  socket: TLSSocket,
  claimed: { identity: PeerIdentity; key: Buffer },
  device: Device,
  input: ListenerInput,
  gate: Db,
  timeoutMs: number,
): Promise<void> => {
  if (socket.destroyed) return;
  const channel = new FrameChannel(socket, timeoutMs);
  let peer: string | null = null;
  const report = (outcome: SessionReport) => input.onSession?.(outcome);
  try {
    const hello = await expectMessage(channel, 'hello');
    peer = hello.device;
    if (hello.v !== protocolVersion) throw new SessionRefused('protocol_version');
    if (hello.book !== device.bookId) throw new SessionRefused('other_book');
    if (claimed.identity.kind === 'link' && claimed.identity.deviceId !== hello.device) throw new SessionRefused('unknown_device');
    // Removed while its session waited for its turn, or (a pairing) removed since it joined.
    if (claimed.identity.kind === 'link' ? removedLink(gate, hello.device, claimed.key) : removedFromBook(gate, hello.device)) throw new SessionRefused('device_removed');
    let link: string | undefined;
    if (claimed.identity.kind === 'pairing') {
      link = linkFromPairing(gate, claimed.identity.pairingId, hello.device, input.now()) ?? undefined;
      if (link === undefined) throw new SessionRefused('pairing_used');
    }
    await sendMessage(channel, { t: 'welcome', v: protocolVersion, book: device.bookId, device: device.deviceId, ...(link === undefined ? {} : { link }) });
    if (hello.wants === 'book') {
      await sendBook(channel, input.bookFile, input.projectRoot);
      await expectMessage(channel, 'done');
      report({ device: peer, outcome: 'book-sent' });
      return;
    }
    const linkKey = link === undefined ? claimed.key : Buffer.from(link, 'base64');
    const synced = await withSyncSession(input, async ({ automerge, documents, recordWrites, writeReceived }) => {
      recordWrites();
      const theirs = await expectMessage(channel, 'heads');
      const mine = headsSummary(automerge, documents);
      await sendMessage(channel, { t: 'heads', heads: mine });
      const exchange = new BucketExchange(automerge, documents, differingBuckets(mine, theirs.heads));
      await exchangeAsServer(exchange, channel);
      const received = exchange.handOver();
      // A device removed while it synced writes nothing into the book.
      if (removedLink(gate, hello.device, linkKey)) throw new SessionRefused('device_removed');
      writeReceived();
      await sendMessage(channel, { t: 'committed' });
      return ok(received);
    });
    if (synced.ok) report({ device: peer, outcome: 'synced', received: synced.value });
    else report({ device: peer, outcome: 'failed', reason: synced.error.code === 'INVALID_STATE' ? synced.error.details.reason : synced.error.code });
  } catch (caught) {
    if (caught instanceof SessionRefused) {
      await sendMessage(channel, { t: 'refused', reason: caught.reason }).catch(() => undefined);
      report({ device: peer, outcome: 'refused', reason: caught.reason });
    } else if (caught instanceof ChannelError || caught instanceof RefusedError) {
      report({ device: peer, outcome: 'failed', reason: caught.reason });
    } else {
      report({ device: peer, outcome: 'failed', reason: (caught as Error).message });
    }
  } finally {
    channel.close();
  }
};
