import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import type { ImportEncoding } from '../../../../shared/contract/transfer';
import type { FileRefusal } from '../../../../shared/errors';
import { backupFileMagic } from '../../../../shared/backup/container-magic';
import { commonHanCharacters } from './common-han';

export type Sniffed = { ok: true; encoding: ImportEncoding; evidence: 'bom' | 'detected' } | { ok: false; reason: FileRefusal };

const boms: [ImportEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

const startsWith = (bytes: Buffer, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');
const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** Excel's "Unicode text" is UTF-16 without a mark: every other byte of ASCII text is zero. */
const utf16WithoutMark = (sample: Buffer): ImportEncoding | null => {
  let evenZeros = 0;
  let oddZeros = 0;
  const length = Math.min(sample.length, 4096) & ~1;
  for (let i = 0; i < length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = length / 2;
  if (pairs < 4) return null;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
};

/** Control characters other than tab, line feed, carriage return and form feed: text files have next to none. */
const looksBinary = (sample: Buffer): boolean => {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  }
  return control > sample.length * 0.01;
};

const validUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Simplified (GBK/GB18030) or Traditional (Big5)? Every Big5 byte pair is also valid GBK, so
 * validity alone cannot tell; the text decoded the right way is full of the characters names,
 * addresses and notes are made of, the wrong way gives rare characters and replacement marks.
 */
const chineseScore = (bytes: Buffer, encoding: 'gb18030' | 'big5'): number => {
  const text = iconv.decode(bytes, encoding);
  let han = 0;
  let common = 0;
  let broken = 0;
  for (const char of text) {
    if (char === '\uFFFD') broken += 1;
    else if (/\p{Script=Han}/u.test(char)) {
      han += 1;
      if (commonHanCharacters.has(char)) common += 1;
    }
  }
  return han === 0 ? -broken : common / han - (broken * 5) / Math.max(1, han);
};

/** What the bytes are: refusals for what is plainly not a spreadsheet, else the text encoding. */
export const sniffEncoding = (bytes: Buffer): Sniffed => {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  // A backup ends with the magic (format 2) or starts with it (format 1).
  if (startsWith(bytes, backupFileMagic) || bytes.subarray(-backupFileMagic.length).equals(Buffer.from(backupFileMagic))) return { ok: false, reason: 'backup_not_csv' };
  for (const [encoding, mark] of boms) if (startsWith(bytes, mark)) return { ok: true, encoding, evidence: 'bom' };
  if (startsWith(bytes, [...sqliteMagic]) || startsWith(bytes, zipMagic)) return { ok: false, reason: 'binary' };
  const sample = bytes.subarray(0, 64 * 1024);
  const utf16 = utf16WithoutMark(sample);
  if (utf16) return { ok: true, encoding: utf16, evidence: 'detected' };
  if (looksBinary(sample)) return { ok: false, reason: 'binary' };
  if (validUtf8(bytes)) return { ok: true, encoding: 'utf-8', evidence: 'detected' };
  const gb = chineseScore(sample, 'gb18030');
  const big5 = chineseScore(sample, 'big5');
  if (gb > 0.2 || big5 > 0.2) return { ok: true, encoding: big5 > gb ? 'big5' : 'gb18030', evidence: 'detected' };
  const guess = jschardet.detect(sample.toString('binary'));
  const named = guess.encoding?.toLowerCase() ?? '';
  if (named === 'big5') return { ok: true, encoding: 'big5', evidence: 'detected' };
  if (named.startsWith('gb') || named === 'hz-gb-2312') return { ok: true, encoding: 'gb18030', evidence: 'detected' };
  return { ok: true, encoding: 'windows-1252', evidence: 'detected' };
};

/** The text of the file in the given encoding, without its byte-order mark. */
export const decodeText = (bytes: Buffer, encoding: ImportEncoding): string => iconv.decode(bytes, encoding, { stripBOM: true });
