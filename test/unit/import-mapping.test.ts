import { describe, expect, it } from 'vitest';
import { transferMessages } from '../../shared/i18n/transfer';
import { languages } from '../../shared/locale';
import { headerKey, suggestMapping, targetForHeader } from '../../shared/transfer/headers';
import { readAmount, readBirthday, readConsent, readGender, readInstant, readSource, splitPhones } from '../../shared/transfer/values';
import { findHeaderRow } from '../../electron/core/transfer/import/parse';

const firstLine = (text: string) => text.split(/\r?\n/)[0]!.split(/[,;\t]/);

describe('column names in three languages', () => {
  it('maps a Traditional Chinese POS export: spend and points become the customer\'s history', () => {
    const headers = ['會員編號', '會員姓名', '手機號碼', '生日', '性別', '地址', '累積消費金額', '點數', '加入時間', '備註', '推薦人'];
    expect(suggestMapping(headers)).toEqual(['notesAppend', 'name', 'phone', 'birthday', 'gender', 'address', 'historySpent', 'historyPoints', 'createdAt', 'notes', 'referrer']);
  });

  it('maps a Simplified Chinese membership export', () => {
    const headers = ['客户姓名', '手机号', '性别', '生日', '地区', '详细地址', '会员等级', '积分', '累计消费', '成为客户时间', '备注', '标签', '推荐人'];
    expect(suggestMapping(headers)).toEqual([
      'name', 'phone', 'gender', 'birthday', 'address', 'address', 'historyMemberLevel', 'historyPoints', 'historySpent', 'createdAt', 'notes', 'tags', 'referrer',
    ]);
  });

  it('maps an English sheet typed by hand, whatever the case and punctuation', () => {
    expect(suggestMapping(['Customer Name', 'MOBILE', 'e-mail', 'Date of Birth', 'tags', 'Member since', 'Referred by'])).toEqual([
      'name', 'phone', 'email', 'birthday', 'tags', 'createdAt', 'referrer',
    ]);
  });

  it('maps a Google Contacts export, leaving its type columns alone', () => {
    const headers = ['Name', 'Given Name', 'Family Name', 'Birthday', 'Notes', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Value', 'Address 1 - Formatted'];
    expect(suggestMapping(headers)).toEqual(['name', 'givenName', 'familyName', 'birthday', 'notes', 'ignore', 'email', 'ignore', 'phone', 'phone', 'address']);
  });

  it('maps an Outlook export: every phone but not the fax', () => {
    expect(suggestMapping(['First Name', 'Last Name', 'E-mail Address', 'Mobile Phone', 'Home Phone', 'Business Fax', 'Categories'])).toEqual([
      'givenName', 'familyName', 'email', 'phone', 'phone', 'ignore', 'tags',
    ]);
  });

  it('maps a POS export with visits: date, amount, items', () => {
    expect(suggestMapping(['消費日期', '會員姓名', '手機', '品項', '實收金額'])).toEqual(['visitDate', 'name', 'phone', 'visitItems', 'visitAmount']);
    expect(suggestMapping(['Date', 'Customer', 'Phone', 'Items', 'Total'])).toEqual(['visitDate', 'name', 'phone', 'visitItems', 'visitAmount']);
  });

  it('understands headers with remarks and full-width characters', () => {
    expect(targetForHeader('手機號碼(必填)')).toBe('phone');
    expect(targetForHeader('ＥＭＡＩＬ')).toBe('email');
    expect(targetForHeader('聯絡電話（公司）')).toBe('phone');
    expect(targetForHeader('Phone 5 - Value')).toBe('phone');
    expect(headerKey(' E-mail  Address ')).toBe('emailaddress');
    expect(targetForHeader('Favourite colour')).toBe('ignore');
  });

  it('a second column for a one-value field goes to the notes, not lost', () => {
    expect(suggestMapping(['Name', '姓名', 'Birthday', '生日'])).toEqual(['name', 'notesAppend', 'birthday', 'notesAppend']);
  });

  it('reads Regulars’ own export headers in every language back', () => {
    for (const language of languages) {
      const c = transferMessages[language].customerColumns;
      expect(suggestMapping([c.id, c.name, c.phones, c.email, c.birthday, c.gender, c.tags, c.notes, c.consent])).toEqual([
        'ignore', 'name', 'phone', 'email', 'birthday', 'gender', 'tags', 'notes', 'consent',
      ]);
    }
  });

  it('finds the header row under a title line', () => {
    const records = [['會員資料匯出 2024-05-01'], [], firstLine('會員姓名,手機號碼,生日'), ['王小明', '0912345678', '1990/1/1']];
    expect(findHeaderRow(records)).toBe(3);
    expect(findHeaderRow([['x', 'y'], ['1', '2']])).toBe(1);
  });
});

describe('reading cells the way shops write them', () => {
  it('reads birthdays: ISO, slashes, ROC years, month and day only, day-first or month-first', () => {
    expect(readBirthday('1985/03/04', true)).toEqual({ year: 1985, month: 3, day: 4 });
    expect(readBirthday('民國79年5月12日', true)).toEqual({ year: 1990, month: 5, day: 12 });
    expect(readBirthday('79/05/12', true)).toEqual({ year: 1990, month: 5, day: 12 });
    expect(readBirthday('07/21', false)).toEqual({ year: null, month: 7, day: 21 });
    expect(readBirthday('21/07', true)).toEqual({ year: null, month: 7, day: 21 });
    expect(readBirthday('7月21日', true)).toEqual({ year: null, month: 7, day: 21 });
    expect(readBirthday('--07-04', true)).toEqual({ year: null, month: 7, day: 4 });
    expect(readBirthday('12/09/1906', true)).toEqual({ year: 1906, month: 9, day: 12 });
    expect(readBirthday('12/09/1906', false)).toEqual({ year: 1906, month: 12, day: 9 });
    expect(readBirthday('25/12/1990', false)).toEqual({ year: 1990, month: 12, day: 25 });
    expect(readBirthday('December 10, 1815', true)).toBeNull();
    expect(readBirthday('December 10, 1995', true)).toEqual({ year: 1995, month: 12, day: 10 });
    expect(readBirthday('1990-02-30', true)).toBeNull();
    expect(readBirthday('soon', true)).toBeNull();
  });

  it('reads times in the shop’s zone, with AM/PM and 上午/下午', () => {
    expect(readInstant('2024/05/01 14:30', 'Asia/Taipei', true)).toBe('2024-05-01T06:30:00.000Z');
    expect(readInstant('2024年5月1日 下午2:30', 'Asia/Taipei', true)).toBe('2024-05-01T06:30:00.000Z');
    expect(readInstant('5/1/2024 2:30 PM', 'America/New_York', false)).toBe('2024-05-01T18:30:00.000Z');
    expect(readInstant('2024-05-01T06:30:00Z', 'Asia/Taipei', true)).toBe('2024-05-01T06:30:00.000Z');
    expect(readInstant('2024-05-01', 'Asia/Shanghai', true)).toBe('2024-04-30T16:00:00.000Z');
    expect(readInstant('5月1日', 'Asia/Taipei', true)).toBeNull();
  });

  it('reads the plain shapes ("2024-05-01 14:30") by its shortcut exactly as by the general reader', () => {
    // A leading space keeps a cell off the shortcut (the general reader trims it): both readings of each cell must agree.
    const cells: string[] = [];
    for (const year of ['1899', '1900', '1990', '2024', '2099']) {
      for (const [month, day] of [['1', '1'], ['02', '29'], ['2', '30'], ['12', '31'], ['13', '01'], ['00', '10'], ['3', '10'], ['11', '3']]) {
        for (const date of [`${year}-${month}-${day}`, `${year}/${month}/${day}`, `${year}-${month}/${day}`]) {
          cells.push(date);
          for (const time of ['0:00', '02:30', '2:30:59', '12:00', '23:59:59', '24:00', '12:60', '10:00:60']) cells.push(`${date} ${time}`, `${date}T${time}`);
        }
      }
    }
    for (const zone of ['Asia/Taipei', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
      for (const dayFirst of [true, false]) {
        for (const cell of cells) expect(readInstant(cell, zone, dayFirst), `${cell} in ${zone}`).toBe(readInstant(` ${cell}`, zone, dayFirst));
      }
    }
    expect(readInstant('2024-03-10 02:30', 'America/New_York', false)).toBe(readInstant(' 2024-03-10 02:30', 'America/New_York', false));
  });

  it('reads amounts with currency signs and thousands separators', () => {
    expect(readAmount('NT$1,280', 'TWD')).toBe(128000);
    expect(readAmount('¥ 45.50', 'CNY')).toBe(4550);
    expect(readAmount('1280元', 'TWD')).toBe(128000);
    expect(readAmount('HK$ 300', 'HKD')).toBe(30000);
    expect(readAmount('-5', 'TWD')).toBeNull();
    expect(readAmount('about 5', 'TWD')).toBeNull();
  });

  it('reads genders, consent and sources in three languages, and knows “unknown”', () => {
    expect(['女', 'F', 'female', '小姐', '女性'].map(readGender)).toEqual(['female', 'female', 'female', 'female', 'female']);
    expect(['男', 'M', 'Male', '先生'].map(readGender)).toEqual(['male', 'male', 'male', 'male']);
    expect(['', '保密', 'unknown', '未知'].map(readGender)).toEqual([null, null, null, null]);
    expect(readGender('banana')).toBeUndefined();
    expect(['是', 'yes', 'TRUE', 'subscribed', '同意'].map(readConsent)).toEqual([true, true, true, true, true]);
    expect(['否', 'no', 'false', 'unsubscribed', ''].map(readConsent)).toEqual([false, false, false, false, false]);
    expect(readSource('朋友介紹')).toEqual({ source: 'referral', known: true });
    expect(readSource('Instagram')).toEqual({ source: 'social_media', known: true });
    expect(readSource('Yelp')).toEqual({ source: 'other', known: false });
  });

  it('splits phone cells and drops extensions', () => {
    expect(splitPhones('0912-345-678 / 02-2345-6789#123')).toEqual(['0912-345-678', '02-2345-6789']);
    expect(splitPhones('手機：0912345678')).toEqual(['0912345678']);
  });
});
