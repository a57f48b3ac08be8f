import ICAL from 'ical.js';
import iconv from 'iconv-lite';
import type { FileRefusal } from '../../../../shared/errors';
import { maxFieldChars } from './parse';

/**
 * Contact cards (.vcf, as phones and mail programs export them) turned into rows of a
 * spreadsheet with known column names, so they go through the same mapping, checks and preview
 * as any spreadsheet. vCard 3.0 and 4.0 are read by ical.js; 2.1 (still written by many phones)
 * first goes through a small pre-pass: quoted-printable values in their CHARSET, soft line breaks,
 * and bare parameters (TEL;CELL:) are rewritten the 3.0 way. A card ical.js cannot read becomes a
 * row with no name, so the preview reports it by its row like any other bad row.
 */

export const vcardHeaders = ['Name', 'Family Name', 'Given Name', 'Phone', 'E-mail', 'E-mail 2', 'Birthday', 'Address', 'Notes', 'Categories', 'Organization', 'vCard'];

export type Cards = { ok: true; records: string[][] } | { ok: false; reason: FileRefusal; row?: number; limit?: number };

export const looksLikeVcard = (text: string): boolean => /^\s*BEGIN:VCARD\b/i.test(text.slice(0, 1024).replace(/^\uFEFF/, ''));

/** Properties that carry pictures, sounds or keys: large, and nothing a customer book keeps. */
const skipped = /^(PHOTO|LOGO|SOUND|KEY)\b/i;

const decodeQuotedPrintable = (value: string, charset: string): string => {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index] ?? '';
    const hex = value.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else bytes.push(...Buffer.from(char, 'utf8'));
  }
  const encoding = iconv.encodingExists(charset) ? charset : 'utf-8';
  return iconv.decode(Buffer.from(bytes), encoding);
};

/** Escapes a decoded 2.1 value for 3.0: line breaks as \n; a structured value (N, ADR) keeps its semicolons. */
const escapeText = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');

/** One 2.1 (or sloppy 3.0) property line → the 3.0 form ical.js reads. */
const normaliseLine = (line: string): string => {
  const colon = line.indexOf(':');
  if (colon < 0) return line;
  const [name = '', ...params] = line.slice(0, colon).split(';');
  let value = line.slice(colon + 1);
  let charset = 'utf-8';
  let quoted = false;
  const kept: string[] = [];
  const types: string[] = [];
  for (const param of params) {
    const [key = '', paramValue] = param.split('=');
    const upper = key.toUpperCase();
    if (paramValue === undefined) {
      if (upper === 'QUOTED-PRINTABLE') quoted = true;
      else if (upper !== 'BASE64' && upper !== '8BIT' && upper !== '7BIT') types.push(key);
    } else if (upper === 'ENCODING') quoted = paramValue.toUpperCase() === 'QUOTED-PRINTABLE' || quoted;
    else if (upper === 'CHARSET') charset = paramValue.toLowerCase();
    else kept.push(param);
  }
  if (quoted) value = escapeText(decodeQuotedPrintable(value, charset));
  if (types.length > 0) kept.push(`TYPE=${types.join(',')}`);
  return [name, ...kept].join(';') + ':' + value;
};

/** The lines of one card: folded lines joined, quoted-printable soft breaks joined, pictures dropped. */
const cardLines = (text: string): string[] => {
  const lines: string[] = [];
  let skipping = false;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    if (/^[ \t]/.test(raw)) {
      if (!skipping && lines.length > 0) lines[lines.length - 1] += raw.slice(1);
      continue;
    }
    if (raw.trim() === '') continue;
    const last = lines[lines.length - 1];
    if (!skipping && last !== undefined && /QUOTED-PRINTABLE/i.test(last.slice(0, last.indexOf(':') + 1)) && last.endsWith('=')) {
      lines[lines.length - 1] = last.slice(0, -1) + raw;
      continue;
    }
    skipping = skipped.test(raw);
    if (!skipping) lines.push(raw);
  }
  return lines;
};

type Property = [string, Record<string, string | string[]>, string, ...unknown[]];

const textOf = (value: unknown): string => (Array.isArray(value) ? value.map(textOf).join(' ') : typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

/** BDAY as the import reads it: 1990-05-12, or --05-12 without a year (vCard 4's --0512, Apple's X-APPLE-OMIT-YEAR). */
const birthdayOf = (property: Property): string => {
  const value = textOf(property[3]).trim();
  const omitYear = property[1]['x-apple-omit-year'];
  const noYear = value.match(/^--(\d{2})-?(\d{2})$/);
  if (noYear) return `--${noYear[1]}-${noYear[2]}`;
  const full = value.match(/^(\d{4})-?(\d{2})-?(\d{2})/);
  if (!full) return value;
  if ((typeof omitYear === 'string' && omitYear === full[1]) || full[1] === '1604') return `--${full[2]}-${full[3]}`;
  return `${full[1]}-${full[2]}-${full[3]}`;
};

const rowOf = (properties: Property[]): string[] => {
  const values = (name: string) => properties.filter((property) => property[0] === name);
  const first = (name: string) => textOf(values(name)[0]?.[3]).trim();
  const n = values('n')[0]?.[3];
  const [family = '', given = ''] = Array.isArray(n) ? n.map(textOf) : [textOf(n)];
  const emails = values('email').map((property) => textOf(property[3]).trim()).filter((email) => email !== '');
  const address = values('adr')[0];
  const categories = values('categories').flatMap((property) => property.slice(3).map(textOf));
  return [
    first('fn'),
    family.trim(),
    given.trim(),
    values('tel').map((property) => textOf(property[3]).replace(/^tel:/i, '').trim()).filter((phone) => phone !== '').join('\n'),
    emails[0] ?? '',
    emails.slice(1).join('; '),
    values('bday')[0] ? birthdayOf(values('bday')[0] as Property) : '',
    address ? (Array.isArray(address[3]) ? (address[3] as unknown[]).map(textOf) : [textOf(address[3])]).map((part) => part.trim()).filter((part) => part !== '').join(' ') : '',
    values('note').map((property) => textOf(property[3])).join('\n'),
    categories.join('; '),
    first('org').replace(/;/g, ' ').trim(),
    '',
  ];
};

/** Every card of the file as a row under `vcardHeaders`; the header is row 1, card n is row n + 1. */
export const readVcards = (text: string): Cards => {
  const cards = text.replace(/^\uFEFF/, '').split(/^END:VCARD[ \t]*$/im);
  const records: string[][] = [vcardHeaders];
  for (const chunk of cards) {
    const begin = chunk.search(/^BEGIN:VCARD/im);
    if (begin < 0) continue;
    const lines = cardLines(chunk.slice(begin));
    for (const line of lines) if (line.length > maxFieldChars) return { ok: false, reason: 'field_too_large', row: records.length + 1, limit: maxFieldChars };
    try {
      const parsed = ICAL.parse(['BEGIN:VCARD', ...lines.slice(1).map(normaliseLine), 'END:VCARD'].join('\r\n')) as unknown;
      const card = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as [string, Property[]];
      records.push(rowOf(card[1]));
    } catch {
      // Not a card ical.js can read: a row with nothing the import takes, reported by its row.
      records.push(vcardHeaders.map((_, index) => (index === vcardHeaders.length - 1 ? (lines[1] ?? '').slice(0, 60) : '')));
    }
  }
  if (records.length === 1) return { ok: false, reason: 'not_vcard' };
  return { ok: true, records };
};
