import type { Socket } from 'node:net';

/**
 * What travels inside the TLS connection: frames, each a 4-byte big-endian length, then a kind
 * byte and the body. A frame longer than the limit, of an unknown kind, or not whole when the
 * connection ends or falls silent ends the session.
 */
export const frameKinds = {
  /** A control message, JSON (hello, heads, round, done…). */
  message: 1,
  /** Automerge's sync message for one bucket document: 2-byte bucket, then the message. */
  sync: 2,
  /** A piece of the book for a joining device (gzip stream). */
  book: 3,
} as const;
export type FrameKind = (typeof frameKinds)[keyof typeof frameKinds];

export interface Frame {
  kind: FrameKind;
  body: Buffer;
}

/** The largest frame either side accepts: one bucket's sync message after months apart stays far below it. */
export const maxFrameBytes = 32 * 1024 * 1024;
/** Control messages are small; a large one is refused before it is parsed. */
export const maxMessageBytes = 256 * 1024;

/** Why a session ended before it was done, as stable codes the CLI and the app translate. */
export type ChannelFailure = 'peer_closed' | 'peer_timeout' | 'peer_protocol';

export class ChannelError extends Error {
  constructor(readonly reason: ChannelFailure) {
    super(reason);
  }
}

const knownKinds = new Set<number>(Object.values(frameKinds));

/**
 * One side of a session's frames over a connected socket: `next()` answers the next whole frame,
 * or fails when the connection closes, stays silent past the timeout, or sends something that is
 * not a frame. Sending waits while the socket's buffer is full, so a 200 MB book never queues in memory.
 */
export class FrameChannel {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private waiting: { resolve: (frame: Frame) => void; reject: (error: ChannelError) => void; timer: NodeJS.Timeout } | null = null;
  private failure: ChannelError | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered.push(chunk);
      this.bufferedBytes += chunk.length;
      // The timeout is for silence: a large frame arriving slowly keeps the session alive.
      if (this.waiting !== null) this.waiting.timer.refresh();
      this.deliver();
    });
    socket.on('error', () => this.fail('peer_closed'));
    socket.on('close', () => this.fail('peer_closed'));
    socket.on('end', () => this.fail('peer_closed'));
  }

  private fail(reason: ChannelFailure): void {
    this.failure ??= new ChannelError(reason);
    if (this.waiting !== null) {
      clearTimeout(this.waiting.timer);
      this.waiting.reject(this.failure);
      this.waiting = null;
    }
  }

  /** The next frame if a whole one is buffered; throws when what is buffered cannot be one. */
  private take(): Frame | null {
    if (this.bufferedBytes < 4) return null;
    const joined = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    this.buffered = [joined];
    const length = joined.readUInt32BE(0);
    if (length < 1 || length > maxFrameBytes + 1) throw new ChannelError('peer_protocol');
    if (joined.length < 4 + length) return null;
    const kind = joined[4]!;
    if (!knownKinds.has(kind)) throw new ChannelError('peer_protocol');
    const body = joined.subarray(5, 4 + length);
    const rest = joined.subarray(4 + length);
    this.buffered = rest.length > 0 ? [rest] : [];
    this.bufferedBytes = rest.length;
    return { kind: kind as FrameKind, body };
  }

  private deliver(): void {
    if (this.waiting === null) {
      // Not reading now: stop the peer from filling memory beyond one frame's worth.
      if (this.bufferedBytes > maxFrameBytes + 5) this.socket.pause();
      return;
    }
    let frame: Frame | null;
    try {
      frame = this.take();
    } catch (caught) {
      this.fail((caught as ChannelError).reason);
      this.socket.destroy();
      return;
    }
    if (frame === null) return;
    const { resolve, timer } = this.waiting;
    clearTimeout(timer);
    this.waiting = null;
    resolve(frame);
  }

  next(timeoutMs = this.timeoutMs): Promise<Frame> {
    if (this.waiting !== null) return Promise.reject(new Error('FrameChannel.next called twice'));
    try {
      const frame = this.take();
      if (frame !== null) return Promise.resolve(frame);
    } catch (caught) {
      this.socket.destroy();
      return Promise.reject(caught as ChannelError);
    }
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail('peer_timeout');
        this.socket.destroy();
      }, timeoutMs);
      this.waiting = { resolve, reject, timer };
      this.socket.resume();
    });
  }

  async send(kind: FrameKind, body: Uint8Array): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (body.length > maxFrameBytes) throw new ChannelError('peer_protocol');
    const header = Buffer.alloc(5);
    header.writeUInt32BE(body.length + 1, 0);
    header[4] = kind;
    this.socket.write(header);
    if (this.socket.write(body)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail('peer_timeout');
        this.socket.destroy();
      }, this.timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.socket.off('drain', settle);
        this.socket.off('close', settle);
        if (this.failure !== null) reject(this.failure);
        else resolve();
      };
      this.socket.on('drain', settle);
      this.socket.on('close', settle);
    });
  }

  /** Resolves once everything sent so far has left this process: before work that holds the event loop for seconds. */
  flush(): Promise<void> {
    return new Promise((resolve) => this.socket.write(Buffer.alloc(0), () => resolve()));
  }

  close(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }
}
