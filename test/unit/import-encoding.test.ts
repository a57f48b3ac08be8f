import { describe, expect, it } from 'vitest';
import { decodeText, sniffEncoding } from '../../electron/core/transfer/import/decode';
import { parseRecords } from '../../electron/core/transfer/import/parse';
import {
  asBig5,
  asGbk,
  asUtf16LeBom,
  asUtf8Bom,
  asWindows1252,
  englishSheet,
  excelUnicodeText,
  googleContactsExport,
  mainlandMemberExport,
  taiwanPosExport,
  westernSheet,
} from '../support/spreadsheets';

describe('encoding detection on spreadsheets as real tools write them', () => {
  it.each([
    ['a Taiwanese POS export saved by Excel as Big5', asBig5(taiwanPosExport), 'big5', taiwanPosExport],
    ['a mainland membership export in GBK', asGbk(mainlandMemberExport), 'gb18030', mainlandMemberExport],
    ['a Google Contacts export, UTF-8 with BOM', asUtf8Bom(googleContactsExport), 'utf-8', googleContactsExport],
    ['an English sheet, UTF-8 without BOM', Buffer.from(englishSheet, 'utf8'), 'utf-8', englishSheet],
    ['Excel “Unicode text” (UTF-16 with BOM, tabs)', asUtf16LeBom(excelUnicodeText), 'utf-16le', excelUnicodeText],
    ['a Western Windows sheet with accents', asWindows1252(westernSheet), 'windows-1252', westernSheet],
  ])('reads %s', (_label, bytes, encoding, text) => {
    const sniffed = sniffEncoding(bytes);
    expect(sniffed).toMatchObject({ ok: true, encoding });
    expect(decodeText(bytes, encoding as 'utf-8')).toBe(text);
  });

  it('tells Big5 from GBK even for a few short rows', () => {
    const big5 = asBig5('姓名,電話\r\n陳美玲,0912345678\r\n林志明,0933222111');
    const gbk = asGbk('姓名,电话\r\n王小明,13800138000\r\n李静,13912345678');
    expect(sniffEncoding(big5)).toMatchObject({ encoding: 'big5' });
    expect(sniffEncoding(gbk)).toMatchObject({ encoding: 'gb18030' });
  });

  it('says so when the BOM marks the encoding', () => {
    expect(sniffEncoding(asUtf8Bom('a,b'))).toEqual({ ok: true, encoding: 'utf-8', evidence: 'bom' });
    expect(sniffEncoding(Buffer.from('a,b'))).toEqual({ ok: true, encoding: 'utf-8', evidence: 'detected' });
  });

  it.each([
    ['nothing at all', Buffer.alloc(0), 'empty'],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'binary'],
    ['an Excel workbook (.xlsx is a zip)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'binary'],
    ['a SQLite file', Buffer.from('SQLite format 3\0........', 'latin1'), 'binary'],
  ])('refuses %s', (_label, bytes, reason) => {
    expect(sniffEncoding(bytes)).toEqual({ ok: false, reason });
  });
});

describe('rows and separators', () => {
  it('finds the separator: comma, semicolon, tab', () => {
    expect(parseRecords(taiwanPosExport, null)).toMatchObject({ ok: true, delimiter: ',' });
    expect(parseRecords(englishSheet, null)).toMatchObject({ ok: true, delimiter: ';' });
    expect(parseRecords(excelUnicodeText, null)).toMatchObject({ ok: true, delimiter: '\t' });
  });

  it('keeps quoted commas and line breaks inside one cell', () => {
    const parsed = parseRecords('Name,Notes\r\nAda,"one, two\nthree"\r\n', null);
    expect(parsed).toMatchObject({ ok: true, records: [['Name', 'Notes'], ['Ada', 'one, two\nthree']] });
  });

  it.each([
    ['an unterminated quote', 'Name,Notes\r\nAda,fine\r\nBob,"never closed\r\nCarol,x\r\n', { reason: 'unterminated_quote', row: 3 }],
    ['a 5 MB single field', `Name\r\n${'x'.repeat(5 * 1024 * 1024)}\r\n`, { reason: 'field_too_large', row: 2 }],
    ['a JSON file named .csv', '[{"name":"Ada","phone":"0912"}]', { reason: 'json_not_csv' }],
    ['only white space', ' \r\n \r\n', { reason: 'empty' }],
  ])('refuses %s, naming the row where there is one', (_label, text, refusal) => {
    expect(parseRecords(text, null)).toMatchObject({ ok: false, ...refusal });
  });
});
