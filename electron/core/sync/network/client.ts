import { connect } from 'node:tls';
import { err, ok, type Result } from '../../../../shared/result';
import { readDevice, writeDevice, type Device } from '../device';
import { installFetchedBook, withSyncSession, type ReplaceBook, type SessionInput } from '../session';
import { formatAddress, parseAddress } from './address';
import { findServingDevice, isLoopbackHost } from './discovery';
import { receiveBook } from './book-transfer';
import { BucketExchange, differingBuckets, exchangeAsClient, headsSummary } from './exchange';
import { ChannelError, FrameChannel } from './frames';
import { identityText, type PeerIdentity } from './links';
import { expectMessage, protocolVersion, RefusedError, sendMessage } from './messages';
import { clientTlsOptions } from './tls';

export interface PeerInput {
  bookFile: string;
  projectRoot: string;
  /** The serving device: `regulars://host:port` (default: the address in the invitation). */
  peer?: string;
  /** How long to wait for the serving device before giving up (connecting, and each answer). */
  timeoutMs?: number;
  /** How a fetched book takes the empty one's place (the app: closed, swapped and reopened as a restore does). */
  replaceBook?: ReplaceBook;
}

export interface PeerSyncOutcome {
  /** Cells this device recorded. */
  recorded: number;
  /** Bucket documents that took changes from the serving device. */
  received: number;
  /** Records that wait for what they point at (changes not yet arrived). */
  waiting: number;
}

const defaultTimeoutMs = 60_000;
/** The serving device writes what it received before answering: on the full book that takes seconds, not minutes. */
const commitTimeoutMs = 10 * 60_000;

/** The stable reason of a failed session, for the CLI and the app to translate. */
const failure = (caught: unknown): Result<never> => {
  if (caught instanceof RefusedError) return err('INVALID_STATE', { reason: `peer_${caught.reason}` });
  if (caught instanceof ChannelError) return err('INVALID_STATE', { reason: caught.reason });
  throw caught;
};

/** Which secret this device connects with: its link once it has one, else its invitation's pairing secret. */
const credentialOf = (device: Device): { identity: PeerIdentity; key: Buffer } | null => {
  if (device.link !== undefined) return { identity: { kind: 'link', deviceId: device.deviceId }, key: Buffer.from(device.link.secret, 'base64') };
  if (device.pairing !== undefined) return { identity: { kind: 'pairing', pairingId: device.pairing.id }, key: Buffer.from(device.pairing.secret, 'base64') };
  return null;
};

const handshakeFailures = /^ERR_SSL|^ECONNRESET$|^EPIPE$/;

/** A TLS connection to `address` with this device's secret. */
const connectTo = (address: { host: string; port: number }, credential: { identity: PeerIdentity; key: Buffer }, timeoutMs: number): Promise<Result<FrameChannel>> =>
  new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port, ...clientTlsOptions(identityText(credential.identity), credential.key) });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(err('INVALID_STATE', { reason: 'peer_unreachable' }));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(ok(new FrameChannel(socket, timeoutMs)));
    });
    socket.once('error', (caught: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // The serving device refused the handshake: this device's secret is not one it knows (never
      // paired, paired with another device or book, removed, or a used or expired invitation).
      resolve(err('INVALID_STATE', { reason: handshakeFailures.test(caught.code ?? '') ? 'peer_refused' : 'peer_unreachable' }));
    });
  });

const unreachable = (result: Result<unknown>): boolean => !result.ok && result.error.code === 'INVALID_STATE' && result.error.details.reason === 'peer_unreachable';

/**
 * The connection, and where it was made when that is not the address this device had: the serving
 * device is looked for on the shop's network (network/discovery.ts) when the address it was last
 * reached at — never one the caller named otherwise — does not answer, and it has moved.
 */
const connectToServing = async (
  input: PeerInput,
  device: Device,
  address: { host: string; port: number },
  credential: { identity: PeerIdentity; key: Buffer },
  timeoutMs: number,
): Promise<{ connected: Result<FrameChannel>; movedTo: string | null }> => {
  const connected = await connectTo(address, credential, timeoutMs);
  const servingId = device.link?.peer ?? device.invitedBy;
  const lastKnown = input.peer === undefined || (device.peer !== undefined && sameAddress(input.peer, device.peer));
  if (!unreachable(connected) || servingId === undefined || !lastKnown || isLoopbackHost(address.host)) return { connected, movedTo: null };
  const found = await findServingDevice(servingId);
  if (found === null || (found.host === address.host && found.port === address.port)) return { connected, movedTo: null };
  const retried = await connectTo(found, credential, timeoutMs);
  return retried.ok ? { connected: retried, movedTo: formatAddress(found.host, found.port) } : { connected, movedTo: null };
};

const sameAddress = (one: string, other: string): boolean => {
  const [a, b] = [parseAddress(one), parseAddress(other)];
  return a !== null && b !== null && a.host === b.host && a.port === b.port;
};

/**
 * A TLS connection to the serving device with this device's secret, and the greeting: the serving
 * device must be of this book; a pairing answered with a link, and an address the serving device
 * was found at anew, are kept (device.json) before anything else.
 */
const openSession = async (input: PeerInput, device: Device, wants: 'book' | 'sync'): Promise<Result<FrameChannel>> => {
  const address = parseAddress(input.peer ?? device.peer ?? '');
  if (address === null) return err('INVALID_STATE', { reason: input.peer === undefined && device.peer === undefined ? 'no_peer_address' : 'invalid_peer_address' });
  const credential = credentialOf(device);
  if (credential === null) return err('INVALID_STATE', { reason: 'not_paired' });
  const { connected, movedTo } = await connectToServing(input, device, address, credential, input.timeoutMs ?? defaultTimeoutMs);
  if (!connected.ok) return connected;
  const channel = connected.value;
  try {
    await sendMessage(channel, { t: 'hello', v: protocolVersion, book: device.bookId, device: device.deviceId, wants });
    const welcome = await expectMessage(channel, 'welcome');
    if (welcome.v !== protocolVersion) return closing(channel, err('INVALID_STATE', { reason: 'peer_protocol_version' }));
    if (welcome.book !== device.bookId) return closing(channel, err('INVALID_STATE', { reason: 'peer_other_book' }));
    if (welcome.link !== undefined || movedTo !== null) {
      const { pairing, link, ...rest } = readDevice(input.bookFile) ?? device;
      const linked = welcome.link === undefined ? { pairing, link } : { link: { peer: welcome.device, secret: welcome.link } };
      writeDevice(input.bookFile, { ...rest, ...linked, peer: movedTo ?? input.peer ?? device.peer });
    }
    return ok(channel);
  } catch (caught) {
    channel.destroy();
    return failure(caught);
  }
};

const closing = <T>(channel: FrameChannel, result: Result<T>): Result<T> => {
  channel.destroy();
  return result;
};

/**
 * A device that joined over the shop's network fetches the book from the serving device before
 * anything else (pairing on the way), as the folder's joining device does from the folder.
 */
export const fetchBookFromPeer = async (input: PeerInput): Promise<Result<'fetched' | 'not-needed'>> => {
  const device = readDevice(input.bookFile);
  if (device === null) return err('INVALID_STATE', { reason: 'not_shared' });
  if (!device.awaitingBook) return ok('not-needed');
  const opened = await openSession(input, device, 'book');
  if (!opened.ok) return opened;
  const channel = opened.value;
  const fetched = `${input.bookFile}.joining`;
  try {
    await receiveBook(channel, fetched);
    await sendMessage(channel, { t: 'done' });
  } catch (caught) {
    channel.destroy();
    return failure(caught);
  }
  channel.close();
  const installed = installFetchedBook(input.bookFile, input.projectRoot, fetched, readDevice(input.bookFile) ?? device, input.replaceBook);
  return installed.ok ? ok('fetched') : installed;
};

/**
 * One sync with the serving device: this device's writes are recorded; the two sides compare a
 * summary of their documents' heads and run Automerge's sync protocol over the documents that
 * differ until neither has anything to send; then each writes what it received into its book in
 * the one transaction every sync uses. Cut short, nothing is written and the next sync starts over.
 */
export const syncWithPeer = (input: PeerInput & SessionInput): Promise<Result<PeerSyncOutcome>> =>
  withSyncSession(input, async ({ device, automerge, documents, recordWrites, writeReceived }) => {
    const recordedBefore = recordWrites();
    const opened = await openSession(input, device, 'sync');
    if (!opened.ok) return opened;
    const channel = opened.value;
    try {
      const mine = headsSummary(automerge, documents);
      await sendMessage(channel, { t: 'heads', heads: mine });
      const theirs = await expectMessage(channel, 'heads');
      const exchange = new BucketExchange(automerge, documents, differingBuckets(mine, theirs.heads));
      await exchangeAsClient(exchange, channel);
      const received = exchange.handOver();
      const written = writeReceived();
      await expectMessage(channel, 'committed', commitTimeoutMs);
      channel.close();
      return ok({ recorded: recordedBefore + written.recorded, received, waiting: written.waiting });
    } catch (caught) {
      channel.destroy();
      return failure(caught);
    }
  });
