import { describe, expect, it } from 'vitest';
import { compressedFrames, decompressedFrames, DamagedFrames, frameBookBytes } from '../../electron/core/backup/compression';

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const collect = async (source: AsyncIterable<Buffer>): Promise<Buffer> => {
  const pieces: Buffer[] = [];
  for await (const piece of source) pieces.push(piece);
  return Buffer.concat(pieces);
};

/** Pages of a book: repetitive records with some noise, over several frames and a short last one. */
const book = (): Buffer => {
  const bytes = Buffer.alloc(2 * frameBookBytes + 12_345);
  let state = 7;
  for (let at = 0; at < bytes.length; at += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    bytes[at] = at % 97 < 60 ? 'customer-visit-'.charCodeAt(at % 15) : state & 0xff;
  }
  return bytes;
};

describe('backup payload frames (format 3)', () => {
  it('give back the same bytes however the stored payload is cut into reads, and store less than they hold', async () => {
    const original = book();
    const stored = await collect(compressedFrames(chunks(original, frameBookBytes)));
    expect(stored.length).toBeLessThan(original.length * 0.7);
    for (const readSize of [1 << 20, 4093, stored.length]) {
      expect((await collect(decompressedFrames(chunks(stored, readSize)))).equals(original)).toBe(true);
    }
  });

  it('refuse a frame whose length is damaged, a frame cut short or bytes after the last frame', async () => {
    // A changed byte inside a frame is the seal's to find (Brotli carries no checksum): see backup-restore.test.ts.
    const stored = await collect(compressedFrames(chunks(book(), frameBookBytes)));
    const longer = Buffer.from(stored);
    longer.writeUInt32BE(frameBookBytes * 2, 0);
    const spoiled = [longer, stored.subarray(0, stored.length - 100), Buffer.concat([stored, Buffer.from([1, 2, 3])])];
    for (const payload of spoiled) await expect(collect(decompressedFrames(chunks(payload, 65_536)))).rejects.toBeInstanceOf(DamagedFrames);
  });
});
