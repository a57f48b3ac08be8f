import fc from 'fast-check';
import { unzipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readPlainSheetData, type SheetCell } from '../../electron/core/transfer/import/sheet-cells';
import { maxColumns, readSheetByTags } from '../../electron/core/transfer/import/xlsx';

/** Every piece of a cell in the text, so a reading that mixes up type, style or value shows. */
const cellText = ({ type, style, raw }: SheetCell): string => JSON.stringify([type, style, raw]);

const letters = (index: number): string => (index < 26 ? String.fromCharCode(65 + index) : letters(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26)));

/** The general reading (the one the quick reading leaves sheets to): 'too_many_columns' or null (damaged) when it refuses. */
const generalReading = (xml: string): string[][] | 'too_many_columns' | null => {
  try {
    return readSheetByTags(xml, cellText);
  } catch (caught) {
    if (caught instanceof Error && caught.message === 'no_columns') return 'too_many_columns';
    if (caught instanceof Error && caught.message === 'damaged_workbook') return null;
    throw caught;
  }
};

const quickReading = (xml: string): string[][] | 'too_many_columns' | null => {
  const read = readPlainSheetData(xml, cellText, maxColumns);
  return read === null ? null : read.kind === 'rows' ? read.records : 'too_many_columns';
};

const worksheet = (rows: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7"/></worksheet>`;

/** Sheets in the shapes spreadsheet programs write: the quick reader takes each, to the general reading. */
const plainSheets = {
  'shared strings and numbers': worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>912345678</v></c><c r="C1" s="2"><v>45123.5</v></c></row>'),
  'row attributes Excel writes': worksheet('<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>3</v></c></row>'),
  'formulas, plain and shared': worksheet('<row r="2"><c r="A2"><f>SUM(B2:C2)</f><v>3</v></c><c r="B2"><f t="shared" ref="B2:B9" si="0">C2*2</f><v>4</v></c><c r="C2"><f t="shared" si="0"/><v>8</v></c></row>'),
  'formula text with entities': worksheet('<row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>'),
  'inline strings': worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>陳小明</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &#x1F338; </t></is></c></row>'),
  'booleans, errors, empty cells': worksheet('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" s="3"/><c r="D1"><v></v></c></row>'),
  'rows skipped and empty': worksheet('<row r="2"><c r="B2"><v>1</v></c></row><row r="3"/><row r="6"><c r="A6"><v>2</v></c></row>'),
  'cells without references': worksheet('<row><c t="s"><v>0</v></c><c><v>5</v></c><c r="E1"><v>6</v></c><c><v>7</v></c></row>'),
  'whitespace between rows and cells': worksheet('\n  <row r="1">\n    <c r="A1"><v>1</v></c>\n    <c r="B1"><v>2</v></c>\n  </row>\n'),
  'no rows': worksheet(''),
};

/** Sheets the quick reader must leave to the general one, or read the same. */
const otherSheets = {
  'attributes in another order': worksheet('<row r="1"><c r="A1" t="s" s="2"><v>0</v></c></row>'),
  'apostrophes around values': worksheet("<row r='1'><c r='A1'><v>1</v></c></row>"),
  'prefixed names': '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
  'rich text inline': worksheet('<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c></row>'),
  'phonetic run': worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is></c></row>'),
  'unknown entity': worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>'),
  'lower-case reference': worksheet('<row r="1"><c r="a1"><v>1</v></c></row>'),
  'row number not a number': worksheet('<row r="x"><c r="A1"><v>1</v></c></row>'),
  'row never closed': worksheet('<row r="1"><c r="A1"><v>1</v></c>'),
  'cell never closed': worksheet('<row r="1"><c r="A1"><v>1</v></row>'),
  'stray text between cells': worksheet('<row r="1"><c r="A1"><v>1</v></c>oops<c r="B1"><v>2</v></c></row>'),
  'another element in the data': worksheet('<row r="1"><c r="A1"><v>1</v></c></row><extra/>'),
  'damaged around the data': `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></sheetView></worksheet>`,
  'a cell past the last column': worksheet(`<row r="1"><c r="${letters(maxColumns)}1"><v>1</v></c></row>`),
  'a cell before the sheet data': `<worksheet><sheetView><c r="A1"><v>1</v></c></sheetView><sheetData><row r="1"><c r="B1"><v>2</v></c></row></sheetData></worksheet>`,
};

describe("reading a sheet's cells the quick way", () => {
  it.each(Object.entries(plainSheets))('takes %s, to the general reading', (_, xml) => {
    const quick = quickReading(xml);
    expect(quick).not.toBeNull();
    expect(quick).toEqual(generalReading(xml));
  });

  it.each(Object.entries(otherSheets))('%s: leaves it to the general reader, or reads it the same', (_, xml) => {
    const quick = quickReading(xml);
    if (quick !== null) expect(quick).toEqual(generalReading(xml));
  });

  it('says a cell lies past the last column, as the general reader does', () => {
    expect(quickReading(otherSheets['a cell past the last column'])).toBe('too_many_columns');
  });

  it('takes the sheets a spreadsheet library writes', async () => {
    const workbook = await writeExcelFile([
      [{ value: '會員資料匯出' }],
      [{ value: '姓名' }, { value: '電話' }, { value: '生日' }, { value: '消費' }],
      [{ value: 'A&B <tag> "quoted"' }, { value: 912345678, type: Number }, { value: new Date(Date.UTC(1990, 4, 17)), type: Date, format: 'yyyy-mm-dd' }, { value: 1204.5, type: Number }],
      [{ value: '' }, null, { value: true, type: Boolean }, { value: -3, type: Number }],
    ]).toBuffer();
    const xml = Buffer.from(unzipSync(new Uint8Array(workbook))['xl/worksheets/sheet1.xml'] as Uint8Array).toString('utf8');
    const quick = quickReading(xml);
    expect(quick).not.toBeNull();
    expect(quick).toEqual(generalReading(xml));
  });

  it('reads any sheet made of these pieces as the general reader does, or leaves it to it', () => {
    const attribute = fc.constantFrom(' s="1"', ' t="s"', ' t="inlineStr"', ' t="b"', ' r="B7"', ' r="C2"', ' x="1"', " s='2'", ' t="n" s="4"', ' s="4" t="n"', '');
    const content = fc.constantFrom(
      '',
      '<v>12</v>',
      '<v>a &amp; b</v>',
      '<v>&#0;</v>',
      '<v></v>',
      '<f>A1+1</f><v>2</v>',
      '<f t="shared" si="0"/><v>3</v>',
      '<is><t>x</t></is>',
      '<is><t xml:space="preserve"> y </t></is>',
      '<is><r><t>z</t></r></is>',
      '<v>1</v><v>2</v>',
      '<t>w</t>',
      ' <v>4</v>',
    );
    const cell = fc.tuple(fc.array(attribute, { maxLength: 3 }), content, fc.boolean()).map(([attributes, inner, closed]) =>
      inner === '' && closed ? `<c${attributes.join('')}/>` : `<c${attributes.join('')}>${inner}</c>`,
    );
    const row = fc.tuple(fc.constantFrom('', ' r="1"', ' r="4"', ' r="2" spans="1:3"', ' r=""', ' r="x"'), fc.array(cell, { maxLength: 4 }), fc.constantFrom('', '\n', ' ')).map(
      ([attributes, cells, space]) => (cells.length === 0 && attributes === ' r="4"' ? `<row${attributes}/>` : `<row${attributes}>${space}${cells.join(space)}</row>`),
    );
    const stray = fc.constantFrom('', '', '', 'text', '<c r="A1"><v>1</v></c>', '<row>', '</row>');
    fc.assert(
      fc.property(fc.array(fc.tuple(row, stray), { maxLength: 5 }), (rows) => {
        const xml = worksheet(rows.map(([written, after]) => written + after).join(''));
        const quick = quickReading(xml);
        if (quick !== null) expect(quick).toEqual(generalReading(xml));
      }),
      { numRuns: 400 },
    );
  });
});
