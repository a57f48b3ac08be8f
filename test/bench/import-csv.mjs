// Writes a customer spreadsheet the way a POS exports one (Traditional Chinese headers, UTF-8 with BOM),
// for timing imports: node test/bench/import-csv.mjs OUT.csv [rows]
import { writeFileSync } from 'node:fs';

const [out = 'customers.csv', rowsText = '100000'] = process.argv.slice(2);
const rows = Number(rowsText);
const surnames = '陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高';
const given = '小明華偉志俊傑建宏文雅婷美玲淑芬惠怡君佳慧欣宜家豪冠宇承翰子涵詩琪雨萱';
const tags = ['VIP', '常客', '咖啡', '甜點', '外送', ''];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (text) => text[Math.floor(random() * text.length)];
const lines = ['會員姓名,手機號碼,電子郵件,生日,性別,地址,標籤,備註,加入日期,累計消費'];
for (let i = 0; i < rows; i += 1) {
  const name = pick(surnames) + pick(given) + pick(given);
  const phone = `09${String(10_000_000 + i).padStart(8, '0')}`;
  const email = i % 3 === 0 ? `member${i}@example.com` : '';
  const birthday = i % 2 === 0 ? `19${60 + (i % 40)}/${1 + (i % 12)}/${1 + (i % 28)}` : '';
  const gender = ['女', '男', ''][i % 3];
  const address = i % 4 === 0 ? `台北市大安區復興南路${i % 300}號` : '';
  const tag = tags[i % tags.length];
  const note = i % 10 === 0 ? '"喜歡靠窗的位子, 不加糖"' : '';
  const joined = `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 12:00`;
  lines.push([name, phone, email, birthday, gender, address, tag, note, joined, String(100 + (i % 5000))].join(','));
}
writeFileSync(out, `\uFEFF${lines.join('\r\n')}\r\n`);
console.log(`${out}: ${rows} rows`);
