import { strToU8, unzipSync, zipSync } from 'fflate';
import sax from 'sax';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../electron/core/transfer/import/xlsx';
import { scanXml, type XmlHandlers } from '../../electron/core/transfer/import/xml-scan';

/**
 * What a reading saw, adjacent text pieces joined (handlers join them too). Text outside the root
 * element (whitespace only, in XML that reads) is left out: the full parser passes some of it on,
 * the quick reader none, and no workbook reader looks at it.
 */
const eventsOf = (read: (handlers: XmlHandlers) => void): string[] => {
  const events: string[] = [];
  let depth = 0;
  const push = (event: string) => {
    if (event.startsWith('open ')) depth += 1;
    if (event.startsWith('close ')) depth -= 1;
    if (event.startsWith('text ') && depth === 0) return;
    const last = events.length - 1;
    if (event.startsWith('text ') && events[last]?.startsWith('text ')) events[last] += event.slice(5);
    else events.push(event);
  };
  read({
    open: (tag) => push(`open ${tag.name} ${JSON.stringify(Object.entries(tag.attributes))}`),
    close: (name) => push(`close ${name}`),
    text: (text) => push(`text ${text}`),
  });
  return events;
};

/** The full parser's reading, as the workbook reader sets it up; null when it finds the XML damaged. */
const bySax = (xml: string): string[] | null => {
  try {
    return eventsOf((handlers) => {
      const parser = sax.parser(true, { trim: false, normalize: false });
      parser.onerror = (error) => {
        throw error;
      };
      parser.onopentag = (tag) => handlers.open?.({ name: tag.name, attributes: (tag as sax.Tag).attributes });
      parser.onclosetag = (name) => handlers.close?.(name);
      parser.ontext = (text) => handlers.text?.(text);
      parser.oncdata = (text) => handlers.text?.(text);
      parser.write(xml).close();
    });
  } catch {
    return null;
  }
};

/** The quick reader's reading; null when it leaves the part to the full parser. */
const byScan = (xml: string): string[] | null => {
  let taken = true;
  const events = eventsOf((handlers) => (taken = scanXml(xml, handlers)));
  return taken ? events : null;
};

const tricky = 'A&B <tag> "quoted" \'single\' 🌸 陳小明\n second line\r\n  spaced  ';

describe('the quick XML reader of workbook parts', () => {
  it('reads the parts a spreadsheet program writes exactly as the full parser does', async () => {
    const cell = (value: string) => ({ value });
    const workbook = await writeExcelFile([
      [cell('會員資料匯出')],
      [cell('姓名'), cell('電話'), cell('生日'), cell('消費')],
      [cell(tricky), { value: 912345678, type: Number }, { value: new Date(Date.UTC(1990, 4, 17)), type: Date, format: 'yyyy-mm-dd' }, { value: 1204.5, type: Number }],
      [cell('  leading and trailing  '), cell('<v>not a tag</v>'), cell('&amp; stays literal'), { value: -3, type: Number }],
    ]).toBuffer();
    const parts = unzipSync(new Uint8Array(workbook));
    const names = Object.keys(parts).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
    expect(names).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']));
    for (const name of names) {
      const xml = Buffer.from(parts[name] as Uint8Array).toString('utf8');
      const quick = byScan(xml);
      expect(quick, `${name} is read by the quick reader`).not.toBeNull();
      expect(quick, name).toEqual(bySax(xml));
    }
  });

  const samples = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b </x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    '<sst><si><r><t>rich</t></r><r><rPr><b/></rPr><t> text</t></r><rPh><t>ルビ</t></rPh></si><si><t><![CDATA[<raw & data>]]></t></si></sst>',
    "<root a='1' b = \"x > y\" ><!-- a comment --><c r=\"B2\" s=\"3\"/><v>&#65;&#x42;&#x1F338;&lt;&gt;&quot;&apos;</v></root >",
    '<root><a>one</a >\n  <b/>\t<c></c></root>\n',
    '<root><v>12</v><?pi inside?></root>',
    '\uFEFF<root><v>bom</v></root>',
    '<!DOCTYPE root><root/>',
    '<root><v>&nbsp;</v></root>',
    '<root><v>&AMP;</v></root>',
    '<root><v>&#0;</v></root>',
    '<root><v>&#x110000;</v></root>',
    '<root><v>&#0065;</v></root>',
    '<root><v>a & b</v></root>',
    '<root><v>a < b</v></root>',
    '<root><a></b></root>',
    '<root><a>',
    '<root/><second/>',
    'text before<root/>',
    '<root/>text after',
    '<root a="1" a="2"/>',
    '<root a=unquoted/>',
    '<root a="line\nbreak"/>',
    '<root><![CDATA[never closed</root>',
    '<root><!-- never closed </root>',
    '',
    '   ',
    '<root\ta="1"\n\tb=\'2\' x:y = "&amp;&#x42;" z.w-v="\'" q=\'"\'/>',
    '<root a="1"\r\n  b=""><c r="A1" s="0" t="s"/></root>',
  ];

  it.each(samples.map((xml) => [JSON.stringify(xml).slice(0, 70), xml]))('%s: read the same, or left to the full parser', (_, xml) => {
    const quick = byScan(xml);
    // Whatever the quick reader takes on, the full parser reads without complaint and to the same events.
    if (quick !== null) expect(quick).toEqual(bySax(xml));
  });

  it('takes on the shapes spreadsheet programs write and leaves the rest to the full parser', () => {
    for (const xml of samples.slice(0, 4)) expect(byScan(xml), xml).not.toBeNull();
    for (const xml of samples.slice(5)) if (bySax(xml) === null) expect(byScan(xml), xml).toBeNull();
  });
});

describe('a workbook written with prefixed SpreadsheetML', () => {
  it('reads its cells as the same workbook without prefixes', () => {
    const sheet = (prefix: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>` +
      `<${prefix}row r="1"><${prefix}c r="A1" t="inlineStr"><${prefix}is><${prefix}t>名字</${prefix}t></${prefix}is></${prefix}c><${prefix}c r="C1" t="inlineStr"><${prefix}is><${prefix}t>a &amp; b</${prefix}t></${prefix}is></${prefix}c></${prefix}row>` +
      `<${prefix}row r="3"><${prefix}c r="B3"><${prefix}v>912345678</${prefix}v></${prefix}c></${prefix}row></${prefix}sheetData></${prefix}worksheet>`;
    const workbook = (prefix: string) =>
      zipSync({
        'xl/workbook.xml': strToU8(
          `<${prefix}workbook xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${prefix}sheets><${prefix}sheet name="會員" sheetId="1" r:id="rId1"/></${prefix}sheets></${prefix}workbook>`,
        ),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/worksheets/sheet1.xml': strToU8(sheet(prefix)),
      });
    const plain = readWorkbook(workbook(''), null);
    expect(plain).toEqual({ ok: true, sheets: ['會員'], sheet: '會員', records: [['名字', '', 'a & b'], [], ['', '912345678']] });
    expect(readWorkbook(workbook('x:'), null)).toEqual(plain);
  });
});
