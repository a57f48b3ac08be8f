import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGzip, createGunzip } from 'node:zlib';
import { openDatabase } from '../../db/connection';
import { wipeLinksFrom } from '../session';
import { ChannelError, frameKinds, type FrameChannel } from './frames';
import { asMessage, expectMessage, sendMessage } from './messages';

/** Book frames are at most this large: the stream is cut into pieces the socket can take in turn. */
const pieceBytes = 256 * 1024;

/**
 * The serving device sends its book to a joining device: SQLite's online backup into a copy (the
 * book stays open for the counter), this device's links wiped from the copy, then gzip streamed
 * in pieces, waiting on the socket, so the book is never held in memory.
 */
export const sendBook = async (channel: FrameChannel, bookFile: string, projectRoot: string): Promise<void> => {
  const copy = `${bookFile}.for-joiner-${process.pid}-${Date.now()}`;
  try {
    const db = openDatabase(bookFile, { projectRoot, captureForSharing: false, readonly: true });
    try {
      await db.backup(copy);
    } finally {
      db.close();
    }
    wipeLinksFrom(copy, projectRoot);
    await sendMessage(channel, { t: 'book', bytes: (await stat(copy)).size });
    const packed = createReadStream(copy).pipe(createGzip({ level: 1 }));
    let pending: Buffer = Buffer.alloc(0);
    for await (const chunk of packed as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      if (pending.length < pieceBytes) continue;
      await channel.send(frameKinds.book, pending);
      pending = Buffer.alloc(0);
    }
    if (pending.length > 0) await channel.send(frameKinds.book, pending);
    await sendMessage(channel, { t: 'book-end' });
  } finally {
    for (const suffix of ['', '-wal', '-shm']) await rm(`${copy}${suffix}`, { force: true });
  }
};

/**
 * The joining device receives the book into `toFile`, unpacked as it arrives and written aside;
 * renamed only when it is whole (its announced size, and SQLite's own header).
 */
export const receiveBook = async (channel: FrameChannel, toFile: string): Promise<void> => {
  const announced = await expectMessage(channel, 'book');
  const partial = `${toFile}.partial`;
  const unpack = createGunzip();
  const out = createWriteStream(partial);
  unpack.pipe(out);
  const written = finished(out);
  try {
    for (;;) {
      const frame = await channel.next();
      if (frame.kind === frameKinds.message) {
        if (asMessage(frame).t !== 'book-end') throw new ChannelError('peer_protocol');
        break;
      }
      if (frame.kind !== frameKinds.book) throw new ChannelError('peer_protocol');
      if (!unpack.write(frame.body)) await new Promise((resolve) => unpack.once('drain', resolve));
    }
    unpack.end();
    await written;
    const header = Buffer.alloc(16);
    const { size } = await stat(partial);
    const handle = await open(partial, 'r');
    try {
      await handle.read(header, 0, 16, 0);
    } finally {
      await handle.close();
    }
    if (size !== announced.bytes || header.toString('latin1') !== 'SQLite format 3\0') throw new ChannelError('peer_protocol');
    await rename(partial, toFile);
  } catch (caught) {
    unpack.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw caught instanceof ChannelError ? caught : new ChannelError('peer_protocol');
  }
};
