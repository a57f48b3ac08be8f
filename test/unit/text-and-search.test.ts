import { describe, expect, it } from 'vitest';
import { nameGrams, namesLookAlike, planSearch } from '../../shared/search';
import { editDistance, foldForSearch, nameKey } from '../../shared/text';

describe('search folding', () => {
  it('folds width, case and accents the way the trigram index does', () => {
    expect(foldForSearch('  José  MÜLLER ')).toBe('jose muller');
    expect(foldForSearch('０９１２　ＡＢＣ')).toBe('0912 abc');
    expect(foldForSearch('\u0000abc\u0000de\u0007')).toBe('abc de');
  });

  it('folds plain ASCII and CJK text by its shortcut exactly as the full folding does', () => {
    // The full folding, written out as the shortcut's reference: any character the shortcut takes must come out the same.
    const foldFully = (text: string) =>
      text.replace(/\p{Cc}+/gu, ' ').normalize('NFKC').normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    const plain: string[] = [];
    for (let code = 0x20; code <= 0x7e; code += 1) plain.push(String.fromCharCode(code));
    for (let code = 0x4e00; code <= 0x9fff; code += 1) plain.push(String.fromCharCode(code));
    for (const char of plain) {
      expect(foldForSearch(char)).toBe(foldFully(char));
      expect(foldForSearch(` ${char}  ${char.toUpperCase()} `)).toBe(foldFully(` ${char}  ${char.toUpperCase()} `));
    }
    for (const text of ['  Mary-Ann   O\'BRIEN ', '陳小明', 'Wang  小明  ', 'A.B@Example.COM', '', '   ', '王 \t小明', 'Ｗａｎｇ', 'Café 小明', '\u3000陳']) {
      expect(foldForSearch(text)).toBe(foldFully(text));
    }
  });

  it('gives one key to the same name written differently', () => {
    expect(nameKey('Chen Wei')).toBe(nameKey('wei  CHEN'));
    expect(nameKey('Chén Wei')).toBe(nameKey('Chen Wei'));
    expect(nameKey('王小明')).toBe('王小明');
    expect(nameKey('王小明')).not.toBe(nameKey('王明小'));
  });

  it('measures edit distance on characters, not UTF-16 units', () => {
    expect(editDistance('陳美玲', '陳美齡')).toBe(1);
    expect(editDistance('😀a', '😀b')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('name grams for 1–2 character searches', () => {
  it('indexes every CJK character and adjacent pair', () => {
    expect(new Set(nameGrams('王小明'))).toEqual(new Set(['王', '小', '明', '王小', '小明']));
  });

  it('indexes the 1–2 letter start of each Latin word', () => {
    expect(new Set(nameGrams('Li Wei'))).toEqual(new Set(['l', 'li', 'w', 'we']));
    expect(nameGrams('Émile')).toContain('em');
  });
});

describe('search plans', () => {
  it('sends digits to the phone suffix index', () => {
    expect(planSearch('5678')).toEqual({ kind: 'digits', digits: '5678', ftsQuery: '"5678"' });
    expect(planSearch('0912-345 678')).toMatchObject({ kind: 'digits', digits: '0912345678' });
    expect(planSearch('56')).toEqual({ kind: 'digits', digits: '56', ftsQuery: null });
  });

  it('sends short words to the grams index and long words to full-text search', () => {
    expect(planSearch('王小')).toEqual({ kind: 'grams', gram: '王小', filters: [] });
    expect(planSearch('li w')).toEqual({ kind: 'grams', gram: 'li', filters: ['w'] });
    expect(planSearch('王小明')).toEqual({ kind: 'fulltext', ftsQuery: '"王小明"', filters: [] });
    expect(planSearch('chen wu')).toEqual({ kind: 'fulltext', ftsQuery: '"chen"', filters: ['wu'] });
  });

  it('quotes user text so it cannot be read as FTS syntax', () => {
    expect(planSearch('ab"c OR de*f')).toEqual({ kind: 'fulltext', ftsQuery: '"ab""c" "de*f"', filters: ['or'] });
    expect(planSearch('王小明 c*')).toEqual({ kind: 'fulltext', ftsQuery: '"王小明"', filters: ['c'] });
    expect(planSearch('**')).toEqual({ kind: 'empty' });
    expect(planSearch('   ')).toEqual({ kind: 'empty' });
  });
});

describe('look-alike names', () => {
  it('treats one slip in a name as the same person', () => {
    expect(namesLookAlike('陳美玲', '陳美齡')).toBe(true);
    expect(namesLookAlike('Chen Wei', 'Wei Chen')).toBe(true);
    expect(namesLookAlike('Sophie Chan', 'Sophie Chen')).toBe(true);
  });

  it('does not confuse different people', () => {
    expect(namesLookAlike('陳美玲', '林志明')).toBe(false);
    expect(namesLookAlike('王', '李')).toBe(false);
    expect(namesLookAlike('Ann', 'Ben')).toBe(false);
  });
});
