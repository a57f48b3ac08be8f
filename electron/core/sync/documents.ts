import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { syncFolderOf } from '../db/replicated';
import type { Doc as AutomergeDoc } from '@automerge/automerge/slim';
import type { AutomergeApi } from './automerge';

/** Where this device keeps its shared documents. */
export const docsFolderOf = (bookFile: string): string => path.join(syncFolderOf(bookFile), 'docs');

/** Whether two sets of heads name the same state of a document (Automerge gives them in no set order). */
export const sameHeads = (left: readonly string[], right: readonly string[]): boolean =>
  JSON.stringify([...left].sort()) === JSON.stringify([...right].sort());

/** A shared document: cell key → the cell as stored (encodeCell), each an immutable string. */
export type CellDoc = Record<string, unknown>;
export type Doc = AutomergeDoc<CellDoc>;

/**
 * The shared documents of this device, one file per bucket in <data>/sync/docs, loaded only when
 * a sync touches them. A file is replaced whole (written aside, flushed, renamed): a crash leaves
 * the old document or the new one, never half of one.
 */
export class Documents {
  private readonly loaded = new Map<number, Doc>();
  private readonly changed = new Set<number>();

  constructor(
    private readonly automerge: AutomergeApi,
    private readonly folder: string,
    private readonly actor: string,
  ) {}

  private fileOf(bucket: number): string {
    return path.join(this.folder, `${bucket}.am`);
  }

  get(bucket: number): Doc {
    let doc = this.loaded.get(bucket);
    if (doc === undefined) {
      const file = this.fileOf(bucket);
      doc = existsSync(file) ? this.automerge.load<CellDoc>(readFileSync(file), { actor: this.actor }) : this.automerge.init<CellDoc>({ actor: this.actor });
      this.loaded.set(bucket, doc);
    }
    return doc;
  }

  set(bucket: number, doc: Doc): void {
    this.loaded.set(bucket, doc);
    this.changed.add(bucket);
  }

  /** The buckets that have a document on this device. */
  stored(): number[] {
    if (!existsSync(this.folder)) return [];
    return readdirSync(this.folder)
      .map((name) => /^(\d+)\.am$/.exec(name)?.[1])
      .filter((bucket): bucket is string => bucket !== undefined)
      .map(Number);
  }

  /** Writes every document changed since the last save. */
  save(): void {
    if (this.changed.size === 0) return;
    mkdirSync(this.folder, { recursive: true });
    for (const bucket of this.changed) {
      const file = this.fileOf(bucket);
      const partial = `${file}.partial`;
      const handle = openSync(partial, 'w');
      try {
        writeSync(handle, this.automerge.save(this.get(bucket)));
        fsyncSync(handle);
      } finally {
        closeSync(handle);
      }
      renameSync(partial, file);
    }
    this.changed.clear();
  }
}
