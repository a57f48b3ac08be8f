import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';

/**
 * A format-3 backup's payload is the book cut into frames, each compressed on its own:
 *
 *   stored length (uint32, big-endian) | book length (uint32, big-endian) | Brotli bytes
 *
 * Independent frames let several compress at once on zlib's thread pool (a 600 MB book in about
 * a second on two cores) and decompress the same way on restore. Brotli at quality 0 is zlib's
 * fastest setting that still shrinks SQLite pages to about a third (measured on the full bench
 * book: quality 0 keeps 32 % at roughly 1.7× the speed of deflate level 1, which keeps 31 %;
 * quality 1 keeps 28 % at two thirds of quality 0's speed). zstd would do better, but Node 20 has none.
 */
export const compressionMethod = 'brotli';
export const frameBookBytes = 4 * 1024 * 1024;
/** A frame's Brotli bytes are never much larger than its book bytes; more is damage. */
const maxStoredFrameBytes = frameBookBytes + 64 * 1024;
const frameHeadBytes = 8;
/**
 * Frames in flight at once: one per core. More only queue on the same cores, and cost more than
 * they give: each a thread of the pool competing for a core, with its buffers to collect (measured
 * on the full bench book, two cores: four in flight took half as much CPU time again as two).
 */
const framesInFlight = Math.max(2, availableParallelism());

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/**
 * zlib hands its output back in pieces of `chunkSize` (16 KB unless told), each a round trip
 * between its thread pool and this thread and a buffer to collect: a frame's worth at once makes
 * compressing or decompressing a frame one piece of work on the pool (measured on the full bench
 * book: a third of the backup job's own thread time went on those pieces and their collection).
 */
const wholeFrameOutput = { chunkSize: maxStoredFrameBytes };

/** A frame as its head and its Brotli bytes, written one after the other (joining them would copy the frame). */
const compressFrame = async (book: Buffer): Promise<Buffer[]> => {
  const stored = await compress(book, {
    ...wholeFrameOutput,
    params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: book.length },
  });
  const head = Buffer.alloc(frameHeadBytes);
  head.writeUInt32BE(stored.length, 0);
  head.writeUInt32BE(book.length, 4);
  return [head, stored];
};

/** Keeps up to `framesInFlight` pieces of work running and yields their results in order. */
async function* inOrder<T, R>(source: AsyncIterable<T>, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of source) {
    pending.push(work(item));
    // A rejected piece is awaited in turn below; until then it must not count as unhandled.
    pending.at(-1)?.catch(() => undefined);
    if (pending.length >= framesInFlight) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

/**
 * The book's bytes, arriving in chunks of at most `frameBookBytes`, as stored frames (each its head
 * and its Brotli bytes). Each chunk must be a buffer of its own, not reused by the reader: several
 * are compressed at once.
 */
export async function* compressedFrames(book: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const pieces of inOrder(book, compressFrame)) yield* pieces;
}

/** A payload that does not decode as frames: the backup is damaged. */
export class DamagedFrames extends Error {
  constructor() {
    super('the backup payload does not decode');
  }
}

/** Cuts the stored payload (arriving in chunks of any size, each a buffer of its own) into frames, checking each frame's head. */
async function* storedFrames(payload: AsyncIterable<Buffer>): AsyncGenerator<{ stored: Buffer; bookBytes: number }> {
  // Pieces are kept as they come (the reader gives each read a buffer of its own) and joined only once a whole frame is there.
  let pieces: Buffer[] = [];
  let buffered = 0;
  let need = frameHeadBytes;
  let head: { storedBytes: number; bookBytes: number } | null = null;
  for await (const chunk of payload) {
    pieces.push(chunk);
    buffered += chunk.length;
    while (buffered >= need) {
      const joined = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
      if (head === null) {
        head = { storedBytes: joined.readUInt32BE(0), bookBytes: joined.readUInt32BE(4) };
        if (head.storedBytes === 0 || head.storedBytes > maxStoredFrameBytes || head.bookBytes === 0 || head.bookBytes > frameBookBytes) throw new DamagedFrames();
        need = frameHeadBytes + head.storedBytes;
        pieces = [joined];
        continue;
      }
      yield { stored: joined.subarray(frameHeadBytes, need), bookBytes: head.bookBytes };
      pieces = joined.length > need ? [joined.subarray(need)] : [];
      buffered = joined.length - need;
      need = frameHeadBytes;
      head = null;
    }
  }
  if (buffered > 0) throw new DamagedFrames();
}

/** The stored payload back as the book's bytes, frame by frame; anything that does not decode is damage. */
export const decompressedFrames = (payload: AsyncIterable<Buffer>): AsyncGenerator<Buffer> =>
  inOrder(storedFrames(payload), async ({ stored, bookBytes }) => {
      let book: Buffer;
      try {
        // Never more than a frame holds, however the bytes were damaged (or made to explode).
        book = await decompress(stored, { chunkSize: frameBookBytes, maxOutputLength: frameBookBytes });
      } catch {
        throw new DamagedFrames();
      }
      if (book.length !== bookBytes) throw new DamagedFrames();
      return book;
  });
