import writeExcelFile from 'write-excel-file/node';
import { Random } from '../../electron/core/seed/random';

/** One member as a POS export lists them: the columns the import reads, as text. */
export interface MemberRow {
  name: string;
  phone: string;
  email: string;
  birthday: string;
  gender: string;
  tags: string;
  note: string;
  joined: string;
  spent: string;
}

const surnames = [...'陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高'];
const given = [...'小明華偉志俊傑建宏文雅婷美玲淑芬惠怡君佳慧欣宜家豪冠宇承翰子涵詩琪雨萱'];
const tags = ['VIP', '常客', '咖啡', '甜點', '外送', ''];

/** Members of a Taiwanese shop's loyalty export, reproducibly from the seed; every phone distinct. */
export const memberRows = (count: number, seed = 42): MemberRow[] => {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, index) => ({
    name: random.pick(surnames) + random.pick(given) + random.pick(given),
    phone: `09${String(10_000_000 + index).padStart(8, '0')}`,
    email: index % 3 === 0 ? `member${index}@example.com` : '',
    birthday: index % 2 === 0 ? `19${60 + (index % 40)}/${1 + (index % 12)}/${1 + (index % 28)}` : '',
    gender: ['女', '男', ''][index % 3] ?? '',
    tags: tags[index % tags.length] ?? '',
    note: index % 10 === 0 ? '喜歡靠窗的位子, 不加糖' : '',
    joined: `2023-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')} 12:00`,
    spent: String(100 + (index % 5000)),
  }));
};

const memberHeader = ['會員姓名', '手機號碼', '電子郵件', '生日', '性別', '標籤', '備註', '加入日期', '累計消費'];

/**
 * The same rows as an Excel workbook, as POS back offices export them: a title row above the
 * header, phones as numbers (their leading zero lost) and the spend as a number.
 */
export const memberXlsx = async (rows: readonly MemberRow[]): Promise<Buffer> => {
  const text = (value: string) => ({ value });
  const sheet = [
    [text('會員資料匯出')],
    memberHeader.map(text),
    ...rows.map((row) => [
      text(row.name),
      { value: Number(row.phone), type: Number },
      text(row.email),
      text(row.birthday),
      text(row.gender),
      text(row.tags),
      text(row.note),
      text(row.joined),
      { value: Number(row.spent), type: Number },
    ]),
  ];
  return Buffer.from(await writeExcelFile(sheet).toBuffer());
};

const cell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The rows as the POS writes them: Traditional Chinese headers, UTF-8 with a BOM, CRLF. */
export const memberCsv = (rows: readonly MemberRow[]): string => {
  const header = memberHeader;
  const lines = rows.map((row) => [row.name, row.phone, row.email, row.birthday, row.gender, row.tags, row.note, row.joined, row.spent].map(cell).join(','));
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
};
