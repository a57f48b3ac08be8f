import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookSnapshot, callOk, freshCore, tempDir } from '../support/core';
import { sized } from './scale';

/** One way a backup gets spoiled on a USB stick or in transit; positions are fractions of the file. */
type Spoiling =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array };

// Anywhere in the file, evenly (fast-check would otherwise favour the start)…
const position = fc.noBias(fc.nat({ max: 999_999 })).map((at) => at / 1_000_000);
// …or in the first or last hundred bytes, where the header and the trailer are.
const edgeOrAnywhere = fc.oneof(position, fc.nat({ max: 99 }).map((at) => -at - 1), fc.nat({ max: 99 }).map((at) => at / 1e9));
const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 });
const spoiling: fc.Arbitrary<Spoiling> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: edgeOrAnywhere, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: edgeOrAnywhere, bytes }),
  fc.record({ kind: fc.constant('overwrite' as const), at: edgeOrAnywhere, bytes }),
);

const offsetIn = (size: number, at: number): number => Math.min(size - 1, Math.max(0, at < 0 ? size + Math.round(at) : Math.floor(at * size)));

const spoil = (original: Buffer, spoilings: readonly Spoiling[]): Buffer => {
  let file = Buffer.from(original);
  for (const change of spoilings) {
    if (file.length === 0) break;
    const at = offsetIn(file.length, change.at);
    if (change.kind === 'flip') file[at] = (file[at] ?? 0) ^ change.mask;
    if (change.kind === 'truncate') file = file.subarray(0, at);
    if (change.kind === 'insert') file = Buffer.concat([file.subarray(0, at), change.bytes, file.subarray(at)]);
    if (change.kind === 'overwrite') Buffer.from(change.bytes).copy(file, at);
  }
  return file;
};

const passphrase = 'correct horse';

describe('backup reading under fuzzing', () => {
  it.each([
    ['a plain backup', null],
    ['an encrypted backup', passphrase],
  ])('refuses every spoiled copy of %s by name, restores nothing and changes nothing', { timeout: 600_000 }, async (_label, secret) => {
    const source = freshCore();
    await callOk(source, 'customers-create', { name: '王小明', phones: ['0912345678'] });
    await callOk(source, 'customers-create', { name: 'Ada Lovelace' });
    const made = await callOk(source, 'backup-create', { folder: tempDir(), ...(secret === null ? {} : { passphrase: secret }) });
    const original = readFileSync(made.file);

    const book = freshCore();
    await callOk(book, 'customers-create', { name: '陳小姐' });
    const before = bookSnapshot(book);
    const folder = tempDir();
    const file = path.join(folder, path.basename(made.file));
    const staging = path.join(book.info.dataDir, '.staging');
    const reasons = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(fc.array(spoiling, { minLength: 1, maxLength: 3 }), async (spoilings) => {
        const spoiled = spoil(original, spoilings);
        fc.pre(!spoiled.equals(original));
        writeFileSync(file, spoiled);
        const listed = await book.call('backup-list', { folder });
        if (!listed.ok) expect(listed.error.code).toBe('FILE_REFUSED');
        const prepared = await book.call('restore-prepare', { source: { kind: 'path', path: file }, passphrase: secret });
        expect(prepared.ok).toBe(false);
        if (prepared.ok) return;
        expect(prepared.error.code).toBe('FILE_REFUSED');
        const reason = String((prepared.error.details as { reason?: unknown }).reason);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        expect(existsSync(staging) ? readdirSync(staging).filter((name) => name.startsWith('prepared')) : []).toEqual([]);
        expect(bookSnapshot(book)).toBe(before);
      }),
      { numRuns: sized(40, 500), seed: 20261124 },
    );
    console.log(`backup fuzz (${secret === null ? 'plain' : 'encrypted'}): refusals by reason`, Object.fromEntries(reasons));
  });
});
