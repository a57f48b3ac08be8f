import { repeatableTargets, type ImportTarget } from '../contract/transfer';
import { transferMessages } from '../i18n/transfer';
import { languages } from '../locale';

/**
 * Column names as real tools write them — spreadsheets typed by hand in English, Traditional or
 * Simplified Chinese; Google and Outlook contact exports; Shopify, Square and Chinese POS and
 * membership exports — and Regulars' own export headers, so an export always imports again.
 */
const synonyms: Partial<Record<ImportTarget, string[]>> = {
  name: [
    'name', 'customer full name', 'file as', 'full name', 'fullname', 'customer name', 'customer', 'client', 'client name', 'contact name', 'display name', 'member name',
    '姓名', '名稱', '名称', '客戶姓名', '客户姓名', '會員姓名', '会员姓名', '顧客姓名', '顾客姓名', '客戶', '客户', '顧客', '顾客',
    '客戶名稱', '客户名称', '聯絡人', '联系人', '會員名稱', '会员名称', '收件人',
  ],
  givenName: ['first name', 'firstname', 'given name', 'givenname', 'forename', '名', '名字'],
  familyName: ['last name', 'lastname', 'surname', 'family name', 'familyname', '姓', '姓氏'],
  phone: [
    'phone', 'phone number', 'phonenumber', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'cellphone', 'tel', 'telephone',
    'contact number', 'home phone', 'home phone 2', 'business phone', 'business phone 2', 'work phone', 'primary phone', 'other phone',
    'car phone', 'default address phone', 'phone 1 - value', 'phone 2 - value', 'phone 3 - value', 'phone 4 - value', 'mobile phone number',
    'home phone number', 'work phone number', 'business phone number', 'company main phone', 'other phone number', 'assistant\'s phone', 'callback', 'radio phone', 'primary phone number',
    '電話', '手機', '手機號碼', '手機號', '行動電話', '聯絡電話', '電話號碼', '市話', '住家電話', '公司電話',
    '手机', '手机号', '手机号码', '电话', '联系电话', '电话号码', '联系方式', '移动电话',
  ],
  email: [
    'email', 'e-mail', 'email address', 'e-mail address', 'e-mail 2 address', 'e-mail 3 address', 'mail', 'e-mail 1 - value', 'e-mail 2 - value', 'e-mail 3 - value',
    'email 1 - value', 'email 2 - value', 'personal email', 'work email',
    '電子郵件', '電郵', '信箱', '電子信箱', '郵箱', '邮箱', '电子邮件', '电子邮箱', '邮件',
  ],
  birthday: ['birthday', 'birth date', 'birthdate', 'date of birth', 'dob', 'birth day', '生日', '出生日期', '出生年月日', '生日日期', '出生年月'],
  gender: ['gender', 'sex', '性別', '性别'],
  address: [
    'address', 'street', 'street address', 'street address 1', 'street address 2', 'address 1', 'address 2', 'address 1 - formatted',
    'home address', 'home street', 'home street 2', 'home street 3', 'home city', 'home country/region', 'business street', 'business city',
    'street address line 1', 'street address line 2', 'region', 'province', 'country', 'address 1 - street', 'address 1 - city', 'address 1 - postal code',
    'default address province code', 'default address country code', 'postal code/zip', 'home state', 'home postal code', 'city', 'state', 'postal code', 'zip',
    'default address address1', 'default address address2', 'default address city', 'default address zip',
    '地址', '住址', '通訊地址', '通讯地址', '聯絡地址', '联系地址', '詳細地址', '详细地址', '收件地址', '城市', '縣市', '县市', '地區', '地区', '郵遞區號', '邮编',
  ],
  notes: ['notes', 'note', 'memo', 'customer note', 'customer notes', 'remark', 'remarks', 'comment', 'comments', '備註', '备注', '說明', '说明', '附註', '附注', '備忘', '备忘'],
  notesAppend: [
    'company', 'company name', 'organization', 'organization name', 'organization title', 'job title', 'title', 'card number', 'member number', 'member id',
    'nickname', 'customer code', 'reference id', 'default address company', 'middle name', 'additional name', 'name prefix', 'name suffix',
    '卡號', '卡号', '會員卡號', '会员卡号', '會員編號', '会员编号', '公司', '職稱', '职称', '暱稱', '昵称', '儲值金', '储值余额', '會員卡', '会员卡号码',
  ],
  historyFirstVisit: ['first visit', 'first visit date', 'first purchase', 'first order date', '首次消費時間', '首次消费时间', '首次消費日期', '首次消费日期', '首次來店', '首次到店', '首次到店时间', '第一次消費', '第一次消费'],
  historyLastVisit: [
    'last visit', 'last visit date', 'last purchase', 'last order date', 'last seen', '最近消費時間', '最近消费时间', '最近消費日期', '最近消费日期', '最後消費日期', '最后消费日期',
    '最後消費時間', '最后消费时间', '最近來店', '最近到店', '最近到店时间', '上次消費', '上次消费', '最近一次消费时间', '最後來店日', '最近光臨',
  ],
  historyVisitCount: [
    'transaction count', 'total visits', 'visits', 'visit count', 'number of visits', 'no of visits', 'total orders', 'orders count', 'order count', 'number of orders',
    '消費次數', '消费次数', '來店次數', '到店次数', '累計消費次數', '累计消费次数', '購買次數', '购买次数', '訂單數', '订单数', '交易次數', '交易次数',
  ],
  historySpent: [
    'lifetime spend', 'total spent', 'total spend', 'lifetime value', 'total sales', 'total purchases', 'amount spent', 'total amount spent',
    '累計消費', '累计消费', '累積消費', '累積消費金額', '累计消费金额', '累計消費金額', '消費總額', '消费总额', '消費總金額', '消费总金额', '總消費', '总消费', '累计消费额',
  ],
  historyPoints: ['points', 'points balance', 'loyalty points', 'point balance', 'reward points', '點數', '点数', '積分', '积分', '紅利點數', '紅利', '剩餘點數', '可用积分', '当前积分'],
  historyMemberLevel: ['member level', 'membership', 'membership level', 'tier', 'level', 'loyalty tier', '會員等級', '会员等级', '等級', '等级', '會員級別', '会员级别', '卡等級', '会员卡等级'],
  tags: ['tags', 'tag', 'categories', 'category', 'groups', 'group', 'labels', 'group membership', 'customer groups', 'customer tags', '標籤', '标签', '分類', '分类', '分組', '分组', '群組', '客戶標籤', '客户标签'],
  interests: ['interests', 'interest', 'hobbies', 'hobby', 'preferences', '興趣', '兴趣', '喜好', '愛好', '爱好', '偏好'],
  source: ['source', 'customer source', 'referral source', 'how did you hear about us', 'acquisition channel', '來源', '来源', '客戶來源', '客户来源', '認識管道', '了解渠道'],
  consent: [
    'consent', 'accepts email marketing', 'accepts sms marketing', 'accepts marketing', 'email subscription status', 'marketing consent',
    'subscribed', 'opt in', 'opt-in', '同意聯絡', '同意联系', '接受行銷', '接受营销', '訂閱', '订阅',
  ],
  createdAt: [
    'created', 'created at', 'creation date', 'date created', 'customer since', 'member since', 'joined', 'join date', 'date joined', 'signup date',
    'sign up date', 'registration date', 'customer created', 'date added',
    '加入日期', '加入時間', '加入时间', '註冊日期', '注册日期', '註冊時間', '注册时间', '入會日期', '入会日期', '建立日期', '创建日期', '建立時間',
    '创建时间', '開卡日期', '开卡时间', '成為會員日期', '成为会员时间', '成为客户时间',
  ],
  referrer: [
    'referrer', 'referred by', 'referral', 'referred', 'recommended by', 'introduced by', 'referrer name', 'referrer phone',
    '介紹人', '介绍人', '推薦人', '推荐人', '推薦者', '推荐者', '介紹者', '引薦人', '引荐人', '推薦會員', '推荐会员',
  ],
  visitDate: [
    'visit date', 'date', 'order date', 'transaction date', 'purchase date', 'sale date', 'date of visit', 'visited at', 'time',
    '消費日期', '消费日期', '消費時間', '消费时间', '交易日期', '交易時間', '交易时间', '來店日期', '到店日期', '到店时间', '日期', '下單時間', '下单时间',
    '訂單日期', '订单日期', '購買日期', '购买日期',
  ],
  visitAmount: [
    'amount', 'total', 'order total', 'sale amount', 'transaction amount', 'paid', 'price', 'net sales',
    '金額', '金额', '消費金額', '消费金额', '實收', '实收', '實收金額', '实收金额', '總額', '总额', '總金額', '总金额', '訂單金額', '订单金额', '交易金額', '交易金额', '應收', '付款金額',
  ],
  visitItems: ['items', 'item', 'products', 'product', 'product name', 'service', 'services', '商品', '品項', '品项', '商品名稱', '商品名称', '購買項目', '购买项目', '服務項目', '服务项目', '項目', '项目', '消費項目', '消费项目'],
  visitNote: ['visit note', 'order note', 'visit notes', '消費備註', '消费备注', '訂單備註', '订单备注', '來店備註', '到店备注'],
};

/** Regulars' own CSV headers in every language (the customers table's, and the visits table's that fit). */
const ownHeaders = (): Partial<Record<ImportTarget, string[]>> => {
  const own: Partial<Record<ImportTarget, string[]>> = {};
  const add = (target: ImportTarget, header: string) => (own[target] ??= []).push(header);
  for (const language of languages) {
    const { customerColumns: c, visitColumns: v } = transferMessages[language];
    add('name', c.name);
    add('phone', c.phones);
    add('email', c.email);
    add('birthday', c.birthday);
    add('gender', c.gender);
    add('address', c.address);
    add('tags', c.tags);
    add('interests', c.interests);
    add('notes', c.notes);
    add('source', c.source);
    add('needType', c.needType);
    add('consent', c.consent);
    add('createdAt', c.createdAt);
    add('name', v.customerName);
    add('visitDate', v.occurredAt);
    add('visitAmount', v.amount);
    add('visitItems', v.items);
  }
  return own;
};

/** Columns Regulars writes that describe the book itself and are not taken back in. */
const ignored = [
  'id', 'vcard', '編號', '编号', 'customer id', '客戶編號', '客户编号', 'square customer id', 'fax', 'business fax', 'home fax', 'other fax', 'pager',
  // Phonetic names (Google's, Outlook's "Yomi") say how a name is read, not how to call: never phones.
  'phonetic first name', 'phonetic middle name', 'phonetic last name', 'given yomi', 'surname yomi', 'company yomi', 'yomi name',
  // Google and Outlook describe each phone, e-mail and address in a column of its own.
  'phone 1 - type', 'phone 2 - type', 'phone 3 - type', 'phone 4 - type', 'phone 1 - label', 'phone 2 - label', 'phone 3 - label', 'phone 4 - label',
  'e-mail 1 - type', 'e-mail 2 - type', 'e-mail 3 - type', 'e-mail 1 - label', 'e-mail 2 - label', 'e-mail 3 - label',
  'address 1 - type', 'address 2 - type', 'address 1 - label', 'address 2 - label', 'e-mail type', 'e-mail 2 type', 'e-mail display name', 'e-mail 2 display name',
  'photo', 'creation source', 'instant profile', 'tax exempt', 'website 1 - type', 'website 1 - value', 'web page', 'initials', 'priority', 'sensitivity', 'private',
];

/**
 * The form in which headers are compared: full-width folded, lower case, without spaces, marks,
 * punctuation, or remarks in brackets ("手機(必填)" → "手機", "E-mail Address" → "emailaddress").
 */
export const headerKey = (header: string): string =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【<《][^)）\]】>》]*[)）\]】>》]/g, '')
    .replace(/[\s_\-.:：/\\*#'"’]+/g, '');

const table = new Map<string, ImportTarget>();
const register = (target: ImportTarget, words: readonly string[]) => {
  for (const word of words) {
    const key = headerKey(word);
    if (key !== '' && !table.has(key)) table.set(key, target);
  }
};
for (const word of ignored) table.set(headerKey(word), 'ignore');
for (const [target, words] of Object.entries(ownHeaders())) register(target as ImportTarget, words);
for (const [target, words] of Object.entries(synonyms)) register(target as ImportTarget, words);

/**
 * The target a header names; 'ignore' when it names nothing Regulars knows. Only whole names (as
 * compared by `headerKey`) count, never a word inside a longer header: "Phonetic First Name"
 * contains "phone" and is not one.
 */
export const targetForHeader = (header: string): ImportTarget => {
  const key = headerKey(header);
  if (key === '') return 'ignore';
  return table.get(key) ?? targetOfNumbered(key) ?? 'ignore';
};

/** "Phone 5 - Value", "E-mail 4 Address", "手機2": a numbered copy of a known column. */
const targetOfNumbered = (key: string): ImportTarget | null => {
  const match = key.match(/^(\D+?)\d{1,2}(\D*)$/);
  if (!match) return null;
  const target = table.get(`${match[1]}${match[2]}`) ?? table.get(`${match[1]}1${match[2]}`);
  return target !== undefined && repeatableTargets.has(target) ? target : null;
};

/** How many of a row's cells read as known column names: the header row is the row with the most. */
export const headerScore = (cells: readonly string[]): number =>
  cells.filter((cell) => cell.trim() !== '' && cell.length <= 100 && table.has(headerKey(cell))).length;

/**
 * One target per column. A field that takes one value keeps its first column; a second column
 * for it (a second "Date") is added to the notes with its name, so nothing is silently dropped.
 */
export const suggestMapping = (headers: readonly string[]): ImportTarget[] => {
  const taken = new Set<ImportTarget>();
  return headers.map((header) => {
    const target = targetForHeader(header);
    if (repeatableTargets.has(target)) return target;
    if (taken.has(target)) return 'notesAppend';
    taken.add(target);
    return target;
  });
};
