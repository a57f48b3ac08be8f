import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asBig5, taiwanPosExport } from '../support/spreadsheets';
import { tempDir } from '../support/core';

/** The built command-line tool (`npm test` builds it first), as an owner or a script runs it. */
const cli = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ['dist/cli/index.cjs', ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', REGULARS_PASSPHRASE: '', ...env }, input: '' });
  return { code: result.status, out: result.stdout, err: result.stderr.trim() };
};

const oneLine = (text: string) => expect(text.split('\n')).toHaveLength(1);

describe('the command line: backup, restore, export, import', () => {
  it('round trip: seed → encrypted backup → restore into an empty folder → identical JSON export', { timeout: 120_000 }, () => {
    const book = tempDir();
    const backups = tempDir();
    expect(cli(['seed', '--data', book, '--customers', '80', '--visits', '600']).code).toBe(0);
    const backup = cli(['backup', '--data', book, '--out', backups, '--encrypt'], { REGULARS_PASSPHRASE: 'a long passphrase' });
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/backed up and verified: .*\.regulars-backup .*encrypted/);
    const [file] = readdirSync(backups);
    const empty = tempDir();
    const restored = cli(['restore', '--data', empty, '--from', path.join(backups, file!)], { REGULARS_PASSPHRASE: 'a long passphrase' });
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('to undo, restore the book saved just before');
    const out = tempDir();
    expect(cli(['export', '--data', book, '--what', 'all', '--format', 'json', '--out', path.join(out, 'a.json')]).code).toBe(0);
    expect(cli(['export', '--data', empty, '--what', 'all', '--format', 'json', '--out', path.join(out, 'b.json')]).code).toBe(0);
    expect(readFileSync(path.join(out, 'b.json'))).toEqual(readFileSync(path.join(out, 'a.json')));

    const wrong = cli(['restore', '--data', empty, '--from', path.join(backups, file!)], { REGULARS_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    oneLine(wrong.err);
    expect(wrong.err).toContain('is wrong');
  });

  it('fails with one line and a non-zero code', () => {
    const book = tempDir();
    const noPassphrase = cli(['backup', '--data', book, '--out', tempDir(), '--encrypt']);
    expect(noPassphrase.code).toBe(2);
    oneLine(noPassphrase.err);
    const nowhere = cli(['backup', '--data', book, '--out', '/nowhere/usb']);
    expect(nowhere).toMatchObject({ code: 1, err: 'There is no file or folder at /nowhere/usb.' });
    const json = path.join(tempDir(), 'customers.csv');
    writeFileSync(json, '{"customers":[]}');
    const refused = cli(['import', '--data', book, '--file', json]);
    expect(refused.code).toBe(1);
    oneLine(refused.err);
    expect(refused.err).toContain('holds JSON data');
  });

  it('imports with --dry-run first (nothing written), then for real', () => {
    const book = tempDir();
    const file = path.join(tempDir(), 'pos.csv');
    writeFileSync(file, asBig5(taiwanPosExport));
    const dry = cli(['import', '--data', book, '--file', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('big5');
    expect(dry.out).toContain('會員姓名 → Name');
    expect(dry.out).toContain('new customers: 4');
    // The book is set up for the US; the file's numbers are Taiwan's: said, and nothing read the wrong way.
    expect(dry.out).toContain('add --country TW');
    const refused = cli(['import', '--data', book, '--file', file]);
    expect(refused.code).toBe(1);
    expect(refused.out + refused.err).toContain('--country TW');
    const real = cli(['import', '--data', book, '--file', file, '--country', 'TW']);
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/imported 4 customers/);
    const again = cli(['import', '--data', book, '--file', file, '--country', 'TW']);
    expect(again.out).toMatch(/imported 0 customers .* skipped 4 already in the book/);
  });

  it('exports Excel workbooks, one per table for --what all, that import back with their Chinese text', () => {
    const book = tempDir();
    const file = path.join(tempDir(), 'pos.csv');
    writeFileSync(file, asBig5(taiwanPosExport));
    expect(cli(['import', '--data', book, '--file', file, '--country', 'TW']).code).toBe(0);
    const folder = path.join(tempDir(), 'everything');
    const all = cli(['export', '--data', book, '--what', 'all', '--format', 'xlsx', '--out', folder, '--language', 'zh-Hant']);
    expect(all.code).toBe(0);
    const written = readdirSync(folder).sort();
    expect(written).toHaveLength(5);
    expect(written.every((name) => name.endsWith('.xlsx'))).toBe(true);
    const customers = path.join(tempDir(), '客戶.xlsx');
    expect(cli(['export', '--data', book, '--what', 'customers', '--format', 'xlsx', '--out', customers, '--language', 'zh-Hant']).out).toContain('4 rows');
    const back = cli(['import', '--data', tempDir(), '--file', customers, '--dry-run', '--country', 'TW']);
    expect(back.code).toBe(0);
    expect(back.out).toContain('Excel workbook');
    expect(back.out).toContain('姓名 → Name');
    expect(back.out).toContain('new customers: 4');
    const wrong = cli(['export', '--data', book, '--what', 'customers', '--format', 'pdf', '--out', customers]);
    expect(wrong).toMatchObject({ code: 2, err: '--format must be one of csv, xlsx, json' });
  });
});
