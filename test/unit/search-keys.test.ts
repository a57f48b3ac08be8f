import { describe, expect, it } from 'vitest';
import { nameSearchKeys, querySearchKey } from '../../shared/search-keys';

const finds = (query: string, name: string): boolean => {
  const key = querySearchKey(query);
  return key !== null && nameSearchKeys(name).some((nameKey) => nameKey.startsWith(key));
};

describe('spelled search keys of names', () => {
  it('spells Chinese names in pinyin and initials, Traditional and Simplified alike', () => {
    for (const name of ['林美華', '林美华']) {
      for (const query of ['lmh', 'linmeihua', 'lin mei', 'LinMei', 'meihua', 'mh']) expect(finds(query, name), `${query} → ${name}`).toBe(true);
    }
    for (const name of ['陳大文', '陈大文']) expect(finds('cdw', name), name).toBe(true);
    expect(finds('cdw', '林美華')).toBe(false);
    expect(finds('lmw', '林美華')).toBe(false);
  });

  it('ignores punctuation in Latin names and keeps emoji', () => {
    expect(finds('obrien', "Patrick O'Brien")).toBe(true);
    expect(finds("o'brien", 'Obrien Ltd')).toBe(true);
    expect(finds('maryann', 'Mary-Ann Smith')).toBe(true);
    expect(finds('mary ann', 'Mary-Ann Smith')).toBe(true);
    expect(finds('mary-ann', 'Mary Ann')).toBe(true);
    expect(finds('🌸', 'Amy 🌸')).toBe(true);
  });

  it('leaves CJK, digits and single letters to the other indexes', () => {
    expect(querySearchKey('林美')).toBeNull();
    expect(querySearchKey('0912 345')).toBeNull();
    expect(querySearchKey('l')).toBeNull();
    expect(querySearchKey('  ')).toBeNull();
  });
});
