import { z } from 'zod';
import { bucketCount } from '../../../../shared/sync/cells';
import { ChannelError, frameKinds, maxMessageBytes, type Frame, type FrameChannel } from './frames';

/** The protocol's version: a device speaking another one is refused with a clear reason. */
export const protocolVersion = 1;

/** Why the serving device refused a session, said to the connecting device before it closes. */
export const refusals = ['other_book', 'unknown_device', 'device_removed', 'pairing_used', 'protocol_version'] as const;
export type Refusal = (typeof refusals)[number];

const heads = z.record(z.string().regex(/^\d{1,3}$/), z.string().regex(/^[0-9a-f]{16}$/));

export const messageSchema = z.discriminatedUnion('t', [
  /** The connecting device: which book, which device, and whether it needs the book itself first. */
  z.object({ t: z.literal('hello'), v: z.number().int(), book: z.string().min(1).max(64), device: z.string().min(1).max(64), wants: z.enum(['book', 'sync']) }),
  /** The serving device's answer; `link` is the new link's secret when the connection came with a pairing secret. */
  z.object({ t: z.literal('welcome'), v: z.number().int(), book: z.string().min(1).max(64), device: z.string().min(1).max(64), link: z.string().min(1).max(128).optional() }),
  z.object({ t: z.literal('refused'), reason: z.enum(refusals) }),
  /** Per bucket document that exists, a short hash of its heads: only buckets that differ are synced. */
  z.object({ t: z.literal('heads'), heads }),
  /** The end of one side's sync messages for this round, and how many it sent. */
  z.object({ t: z.literal('round'), sent: z.number().int().min(0).max(bucketCount) }),
  /** Nothing left to send on either side: each writes what it received into its book. */
  z.object({ t: z.literal('done') }),
  /** The serving device wrote what it received into its book. */
  z.object({ t: z.literal('committed') }),
  /** The book for a joining device follows in book frames, `bytes` long once unpacked. */
  z.object({ t: z.literal('book'), bytes: z.number().int().min(0) }),
  z.object({ t: z.literal('book-end') }),
]);
export type Message = z.infer<typeof messageSchema>;

export const sendMessage = (channel: FrameChannel, message: Message): Promise<void> =>
  channel.send(frameKinds.message, Buffer.from(JSON.stringify(message)));

/** A frame as a control message; anything else (not JSON, not one of the messages) is a protocol failure. */
export const asMessage = (frame: Frame): Message => {
  if (frame.kind !== frameKinds.message || frame.body.length > maxMessageBytes) throw new ChannelError('peer_protocol');
  try {
    const parsed = messageSchema.safeParse(JSON.parse(frame.body.toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: the same refusal as any other malformed message.
  }
  throw new ChannelError('peer_protocol');
};

/** The next frame, which must be the control message `t`. A refusal from the serving device is passed on as such. */
export const expectMessage = async <T extends Message['t']>(channel: FrameChannel, t: T, timeoutMs?: number): Promise<Extract<Message, { t: T }>> => {
  const message = asMessage(await channel.next(timeoutMs));
  if (message.t === 'refused' && t !== 'refused') throw new RefusedError(message.reason);
  if (message.t !== t) throw new ChannelError('peer_protocol');
  return message as Extract<Message, { t: T }>;
};

export class RefusedError extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

export const syncFrame = (bucket: number, message: Uint8Array): Buffer => {
  const header = Buffer.alloc(2);
  header.writeUInt16BE(bucket, 0);
  return Buffer.concat([header, message]);
};

export const readSyncFrame = (frame: Frame): { bucket: number; message: Uint8Array } => {
  if (frame.kind !== frameKinds.sync || frame.body.length < 3) throw new ChannelError('peer_protocol');
  const bucket = frame.body.readUInt16BE(0);
  if (bucket >= bucketCount) throw new ChannelError('peer_protocol');
  return { bucket, message: new Uint8Array(frame.body.subarray(2)) };
};
