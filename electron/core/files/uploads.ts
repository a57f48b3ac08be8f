import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { appendFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { uploadChunkBytes, type FileSource } from '../../../shared/contract/files';
import { err, ok, type Result } from '../../../shared/result';
import { newId } from '../db/ids';
import { refuseFile } from './refuse';

export interface ResolvedFile {
  file: string;
  displayName: string;
}

interface Upload {
  name: string;
  sizeBytes: number;
  received: number;
  file: string;
}

/** Uploads kept at once; starting another drops the oldest (the owner has moved on). */
const keptUploads = 4;

/**
 * Files the browser sends up in pieces (browser mode cannot hand the core a path). Each lands in
 * the data folder's staging area and is then read like any file on this computer.
 */
export class Uploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly dir: string) {}

  /** Left over from a previous run: nothing can still be using them. */
  clearLeftovers(): void {
    if (existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
  }

  begin(name: string, sizeBytes: number): Result<{ uploadId: string; chunkBytes: number }> {
    mkdirSync(this.dir, { recursive: true });
    while (this.uploads.size >= keptUploads) {
      const [oldest] = this.uploads.keys();
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    const uploadId = newId();
    const file = path.join(this.dir, uploadId);
    rmSync(file, { force: true });
    this.uploads.set(uploadId, { name: path.basename(name), sizeBytes, received: 0, file });
    return ok({ uploadId, chunkBytes: uploadChunkBytes });
  }

  async chunk(uploadId: string, offset: number, base64: string): Promise<Result<{ receivedBytes: number }>> {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) return err('NOT_FOUND', { entity: 'upload', id: uploadId });
    const bytes = Buffer.from(base64, 'base64');
    if (offset !== upload.received || upload.received + bytes.length > upload.sizeBytes) return refuseFile('upload_incomplete', upload.name);
    await appendFile(upload.file, bytes);
    upload.received += bytes.length;
    return ok({ receivedBytes: upload.received });
  }

  forget(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (upload) void rm(upload.file, { force: true });
  }

  /** A file source as a file on this computer, with the name the owner knows it by. */
  async resolve(source: FileSource): Promise<Result<ResolvedFile>> {
    if (source.kind === 'path') {
      const file = path.resolve(source.path);
      return ok({ file, displayName: path.basename(file) || file });
    }
    const upload = this.uploads.get(source.uploadId);
    if (upload === undefined) return err('NOT_FOUND', { entity: 'upload', id: source.uploadId });
    const size = await stat(upload.file).then((stats) => stats.size, () => -1);
    if (upload.received !== upload.sizeBytes || size !== upload.sizeBytes) return refuseFile('upload_incomplete', upload.name);
    return ok({ file: upload.file, displayName: upload.name });
  }
}
