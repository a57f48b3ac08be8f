import type { Messages } from '../../../../shared/i18n/messages';

const en = {
  title: 'Counter',
  modes: { visit: 'Visit', contact: 'Contact' },
  picker: {
    placeholder: 'Name or last 4 digits of the phone',
    walkIn: 'Walk-in — no customer',
    noMatch: 'No customer matches. Add them from Customers.',
  },
  visit: {
    customer: 'Customer',
    change: 'Change',
    walkIn: 'Walk-in (no customer)',
    amount: 'Amount',
    amountHint: 'Leave empty if nothing was bought.',
    amountInvalid: 'Type an amount like 120 or 120.50.',
    items: 'Items',
    note: 'Note',
    channel: 'Channel',
    staff: 'Served by',
    save: 'Log visit',
    flowHint: 'Enter moves to the next field; on Satisfaction, Enter logs the visit. Ctrl+Enter logs from anywhere.',
    logged: 'Visit logged: {{who}}',
    loggedAmount: 'Visit logged: {{who}}, {{amount}}',
    undone: 'Visit removed.',
    pickFirst: 'Choose a customer, or a walk-in, first.',
  },
  contact: {
    method: 'How',
    note: 'What was said',
    save: 'Log contact',
    logged: 'Contact logged: {{who}}',
  },
  recent: {
    title: 'Recent at the counter',
    empty: 'Nothing logged yet today.',
    walkIn: 'Walk-in',
  },
};

const zhHant: Messages<typeof en> = {
  title: '櫃檯',
  modes: { visit: '來店', contact: '聯絡' },
  picker: {
    placeholder: '姓名或電話末 4 碼',
    walkIn: '散客（不記名）',
    noMatch: '沒有符合的客戶。請到「客戶」新增。',
  },
  visit: {
    customer: '客戶',
    change: '更換',
    walkIn: '散客（不記名）',
    amount: '金額',
    amountHint: '沒有消費可留空。',
    amountInvalid: '請輸入金額，例如 120 或 120.50。',
    items: '品項',
    note: '備註',
    channel: '通路',
    staff: '服務人員',
    save: '登記來店',
    flowHint: '按 Enter 跳到下一欄；在「滿意度」按 Enter 即登記。任何位置按 Ctrl+Enter 都可登記。',
    logged: '已登記來店：{{who}}',
    loggedAmount: '已登記來店：{{who}}，{{amount}}',
    undone: '已移除這筆來店紀錄。',
    pickFirst: '請先選擇客戶或散客。',
  },
  contact: {
    method: '方式',
    note: '聯絡內容',
    save: '登記聯絡',
    logged: '已登記聯絡：{{who}}',
  },
  recent: {
    title: '櫃檯最近紀錄',
    empty: '今天還沒有登記。',
    walkIn: '散客',
  },
};

const zhHans: Messages<typeof en> = {
  title: '柜台',
  modes: { visit: '到店', contact: '联系' },
  picker: {
    placeholder: '姓名或手机尾号 4 位',
    walkIn: '散客（不记名）',
    noMatch: '没有匹配的客户。请到“客户”添加。',
  },
  visit: {
    customer: '客户',
    change: '更换',
    walkIn: '散客（不记名）',
    amount: '金额',
    amountHint: '没有消费可留空。',
    amountInvalid: '请输入金额，例如 120 或 120.50。',
    items: '商品',
    note: '备注',
    channel: '渠道',
    staff: '服务人员',
    save: '登记到店',
    flowHint: '按 Enter 跳到下一栏；在“满意度”按 Enter 即登记。任何位置按 Ctrl+Enter 都可登记。',
    logged: '已登记到店：{{who}}',
    loggedAmount: '已登记到店：{{who}}，{{amount}}',
    undone: '已删除这条到店记录。',
    pickFirst: '请先选择客户或散客。',
  },
  contact: {
    method: '方式',
    note: '联系内容',
    save: '登记联系',
    logged: '已登记联系：{{who}}',
  },
  recent: {
    title: '柜台最近记录',
    empty: '今天还没有登记。',
    walkIn: '散客',
  },
};

export const counterMessages = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };
