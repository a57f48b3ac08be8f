import { createHash } from 'node:crypto';
import type { SyncState } from '@automerge/automerge/slim';
import { bucketCount } from '../../../../shared/sync/cells';
import type { AutomergeApi } from '../automerge';
import { sameHeads, type Doc, type Documents } from '../documents';
import { ChannelError, frameKinds, type Frame, type FrameChannel } from './frames';
import { asMessage, readSyncFrame, sendMessage, syncFrame } from './messages';

/** Rounds either side allows before giving up: Automerge's protocol settles in a handful. */
const maxRounds = 64;

/** A short hash of a document's heads: equal documents hash the same on both sides. */
const headsHash = (heads: readonly string[]): string => createHash('sha256').update([...heads].sort().join(',')).digest('hex').slice(0, 16);

/** Per bucket that has a document on this device, the hash of its heads. */
export const headsSummary = (automerge: AutomergeApi, documents: Documents): Record<string, string> => {
  const summary: Record<string, string> = {};
  for (const bucket of documents.stored()) {
    const heads = automerge.getHeads(documents.get(bucket));
    if (heads.length > 0) summary[String(bucket)] = headsHash(heads);
  }
  return summary;
};

/** The buckets whose documents differ between the two summaries. */
export const differingBuckets = (mine: Record<string, string>, theirs: Record<string, string>): number[] => {
  const buckets: number[] = [];
  for (let bucket = 0; bucket < bucketCount; bucket += 1) if (mine[String(bucket)] !== theirs[String(bucket)]) buckets.push(bucket);
  return buckets;
};

/**
 * Automerge's own sync protocol over the buckets that differ, one sync state per bucket for this
 * session. What arrives is applied to the documents in memory only: the caller writes them (and
 * the book) in one transaction once the exchange is over, so a session cut short leaves nothing
 * half-applied and the next one starts again from what each side holds.
 */
export class BucketExchange {
  private readonly states = new Map<number, SyncState>();
  /** The documents as the exchange goes (Automerge makes a new one for every message received, changes or not). */
  private readonly working = new Map<number, Doc>();
  private readonly startHeads = new Map<number, string[]>();

  constructor(
    private readonly automerge: AutomergeApi,
    private readonly documents: Documents,
    buckets: readonly number[],
  ) {
    for (const bucket of buckets) {
      this.states.set(bucket, automerge.initSyncState());
      const doc = documents.get(bucket);
      this.working.set(bucket, doc);
      this.startHeads.set(bucket, automerge.getHeads(doc));
    }
  }

  /**
   * Hands the documents that took changes to this device's documents (in memory: written by the
   * session's one transaction); answers how many.
   */
  handOver(): number {
    let received = 0;
    for (const [bucket, doc] of this.working) {
      if (sameHeads(this.startHeads.get(bucket)!, this.automerge.getHeads(doc))) continue;
      this.documents.set(bucket, doc);
      received += 1;
    }
    return received;
  }

  /** This side's messages for this round (none: it has nothing more to tell). */
  outgoing(): [number, Uint8Array][] {
    const messages: [number, Uint8Array][] = [];
    for (const [bucket, state] of this.states) {
      const [next, message] = this.automerge.generateSyncMessage(this.working.get(bucket)!, state);
      this.states.set(bucket, next);
      if (message !== null) messages.push([bucket, message]);
    }
    return messages;
  }

  /** Applies one message from the other side; one that does not decode or is for a bucket not in this session ends it. */
  receive(bucket: number, message: Uint8Array): void {
    const state = this.states.get(bucket);
    if (state === undefined) throw new ChannelError('peer_protocol');
    try {
      this.automerge.decodeSyncMessage(message);
      const [applied, next] = this.automerge.receiveSyncMessage(this.working.get(bucket)!, state, message);
      this.states.set(bucket, next);
      this.working.set(bucket, applied);
    } catch {
      throw new ChannelError('peer_protocol');
    }
  }

  async sendRound(channel: FrameChannel): Promise<number> {
    const messages = this.outgoing();
    for (const [bucket, message] of messages) await channel.send(frameKinds.sync, syncFrame(bucket, message));
    await sendMessage(channel, { t: 'round', sent: messages.length });
    return messages.length;
  }

  /** Reads the other side's round (its sync frames, then its round mark), applying each; answers how many. */
  async receiveRound(channel: FrameChannel, first?: Frame): Promise<number> {
    let count = 0;
    for (let frame = first ?? (await channel.next()); ; frame = await channel.next()) {
      if (frame.kind !== frameKinds.sync) {
        const message = asMessage(frame);
        if (message.t !== 'round' || message.sent !== count) throw new ChannelError('peer_protocol');
        return count;
      }
      const { bucket, message } = readSyncFrame(frame);
      this.receive(bucket, message);
      count += 1;
      if (count > bucketCount) throw new ChannelError('peer_protocol');
    }
  }
}

/** The connecting side: sends a round, reads the answer, until a round trip carries nothing. */
export const exchangeAsClient = async (exchange: BucketExchange, channel: FrameChannel): Promise<void> => {
  for (let round = 0; round < maxRounds; round += 1) {
    const sent = await exchange.sendRound(channel);
    const received = await exchange.receiveRound(channel);
    if (sent === 0 && received === 0) {
      await sendMessage(channel, { t: 'done' });
      // Out before this side's transaction holds the event loop: both sides then write at once.
      await channel.flush();
      return;
    }
  }
  throw new ChannelError('peer_protocol');
};

/** The serving side: answers each round with its own, until the connecting side says it is done. */
export const exchangeAsServer = async (exchange: BucketExchange, channel: FrameChannel): Promise<void> => {
  for (let round = 0; round <= maxRounds; round += 1) {
    const frame = await channel.next();
    if (frame.kind === frameKinds.message && asMessage(frame).t === 'done') return;
    await exchange.receiveRound(channel, frame);
    await exchange.sendRound(channel);
  }
  throw new ChannelError('peer_protocol');
};
