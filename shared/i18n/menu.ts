import type { Messages } from './messages';

/** Labels of the desktop app's native menu. */
const en = {
  file: 'File',
  newCustomer: 'New Customer',
  logVisit: 'Log Visit',
  settings: 'Settings…',
  quit: 'Quit Regulars',
  edit: 'Edit',
  view: 'View',
  find: 'Find Customer',
  today: 'Today',
  customers: 'Customers',
  counter: 'Counter',
  window: 'Window',
  help: 'Help',
  about: 'About Regulars',
  errorTitle: 'Regulars cannot start',
};

const zhHant: Messages<typeof en> = {
  file: '檔案',
  newCustomer: '新增客戶',
  logVisit: '登記來店',
  settings: '設定…',
  quit: '結束熟客簿',
  edit: '編輯',
  view: '檢視',
  find: '尋找客戶',
  today: '今日',
  customers: '客戶',
  counter: '櫃檯',
  window: '視窗',
  help: '說明',
  about: '關於熟客簿',
  errorTitle: '熟客簿無法啟動',
};

const zhHans: Messages<typeof en> = {
  file: '文件',
  newCustomer: '新建客户',
  logVisit: '登记到店',
  settings: '设置…',
  quit: '退出熟客簿',
  edit: '编辑',
  view: '查看',
  find: '查找客户',
  today: '今日',
  customers: '客户',
  counter: '柜台',
  window: '窗口',
  help: '帮助',
  about: '关于熟客簿',
  errorTitle: '熟客簿无法启动',
};

export const menuMessages = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };
