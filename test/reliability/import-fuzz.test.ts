import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookSnapshot, callOk, freshCore, tempDir } from '../support/core';
import { sized } from './scale';

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('王小明', '0912-345-678', '9.12346E+08', 'ada@example.com', '民國79年5月12日', 'NT$1,280', '女', '"', '""', ',', '\r\n', '=1+1', '--07-04'),
);
const sheet = fc
  .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), fc.constantFrom(',', ';', '\t', '|'))
  .map(([rows, delimiter]) => rows.map((row) => row.join(delimiter)).join('\n'));
const content = fc.oneof(sheet, fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)));

describe('CSV import under fuzzing', () => {
  it('answers every file with a result or a clear refusal, never an internal error, and never writes while checking', { timeout: 900_000 }, async () => {
    const core = freshCore();
    await callOk(core, 'customers-create', { name: '王小明', phones: ['0912345678'] });
    const before = bookSnapshot(core);
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(content, async (text) => {
        const file = path.join(dir, 'fuzz.csv');
        writeFileSync(file, text);
        const source = { kind: 'path' as const, path: file };
        const analysed = await core.call('import-analyse', { source });
        if (!analysed.ok) {
          expect(analysed.error.code).toBe('FILE_REFUSED');
          return;
        }
        const analysis = analysed.value;
        const preview = await core.call('import-preview', {
          source,
          fileHash: analysis.fileHash,
          encoding: analysis.encoding,
          delimiter: analysis.delimiter,
          headerRow: analysis.headerRow,
          mapping: analysis.columns.length > 0 ? analysis.columns.map((column) => column.target) : ['ignore'],
        });
        if (!preview.ok) expect(['FILE_REFUSED', 'VALIDATION_FAILED']).toContain(preview.error.code);
        expect(bookSnapshot(core)).toBe(before);
      }),
      { numRuns: sized(80, 1000) },
    );
  });
});
