import iconv from 'iconv-lite';

/**
 * Spreadsheets shaped like the ones shops actually have, in the encodings their tools write:
 * a Taiwanese POS member export (Big5), a mainland membership export (GBK), a Google Contacts
 * export (UTF-8 with BOM), a hand-typed English sheet, Excel's "Unicode text" (UTF-16, tabs).
 */
export const taiwanPosExport = [
  '會員編號,會員姓名,手機號碼,生日,性別,地址,累積消費金額,點數,加入時間,備註,推薦人',
  'M0001,陳美玲,0912-345-678,1985/03/04,女,台北市信義區松仁路100號5樓,12800,128,2023/01/15 10:30,喜歡靠窗的位子,',
  'M0002,林志明,0933 222 111,民國79年5月12日,男,新北市板橋區文化路一段25號,3450,34,2023/02/01 14:05,,陳美玲',
  'M0003,黃淑芬,(02)2345-6789,07/21,女,台中市西屯區台灣大道三段99號,780,7,2023/03/09 09:00,"對咖啡因過敏, 只喝低咖啡因",林志明',
  'M0004,張家豪,0988-777-666,,男,高雄市苓雅區四維三路2號,0,0,2023/04/20 19:45,常帶朋友來,',
].join('\r\n');

export const mainlandMemberExport = [
  '客户姓名,手机号,性别,生日,地区,详细地址,会员等级,积分,累计消费,成为客户时间,备注,标签,推荐人',
  '王小明,13800138000,男,1990-05-12,上海市,浦东新区世纪大道100号,金卡,520,3680.50,2022-11-03 15:20:00,喜欢拿铁,咖啡、甜点,',
  '李静,13912345678,女,1988-12-01,北京市,朝阳区建国路88号,银卡,120,860,2023-01-18 10:00:00,,咖啡,王小明',
  '赵磊,15011112222,男,,广州市,天河区体育西路1号,普通,0,0,2023-06-30 21:10:00,周末来,,',
].join('\r\n');

export const googleContactsExport = [
  'Name,Given Name,Additional Name,Family Name,Nickname,Birthday,Gender,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Address 1 - Type,Address 1 - Formatted',
  'Ada Lovelace,Ada,,Lovelace,,1995-12-10,female,Likes oat milk,* myContacts,* Home,ada@example.com,Mobile,+886 912 000 111,Work,02-2700-1234,Home,"1 Analytical St, Taipei"',
  '王大同,大同,,王,,--07-04,,,* myContacts,,,Mobile,0922-123-456,,,,',
].join('\r\n');

export const englishSheet = ['Customer Name;Mobile;Email;Date of birth;Tags;Member since', 'Grace Hopper;0911 111 222;grace@example.com;12/09/1906;VIP, navy;2021-06-01', 'Linus Pauling;0955-000-999;;;tea;2022-01-15'].join('\n');

export const excelUnicodeText = ['姓名\t電話\t生日', '蔡依林\t0910-000-000\t9月15日', '周杰倫\t0920-000-000\t1979/1/18'].join('\r\n');

export const westernSheet = ['Name,Email,Notes', 'José Müller,jose@example.com,Prefers señor', 'Zoë Ångström,zoe@example.com,Café crème'].join('\r\n');

export const asBig5 = (text: string): Buffer => iconv.encode(text, 'big5');
export const asGbk = (text: string): Buffer => iconv.encode(text, 'gbk');
export const asUtf8Bom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
export const asUtf16LeBom = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
export const asWindows1252 = (text: string): Buffer => iconv.encode(text, 'windows-1252');
