import type { Messages } from './messages';

/** The desktop notification of what is due (Electron main and browser mode both show it). */
const en = {
  title: 'Today’s reminders',
  dueAndOverdue: '{{due}} due today and {{overdue}} overdue. Open Today to see them.',
  due: '{{due}} due today. Open Today to see them.',
  overdue: '{{overdue}} overdue. Open Today to see them.',
};

const zhHant: Messages<typeof en> = {
  title: '今日提醒',
  dueAndOverdue: '今天到期 {{due}} 項，逾期 {{overdue}} 項。請打開「今日」查看。',
  due: '今天到期 {{due}} 項。請打開「今日」查看。',
  overdue: '逾期 {{overdue}} 項。請打開「今日」查看。',
};

const zhHans: Messages<typeof en> = {
  title: '今日提醒',
  dueAndOverdue: '今天到期 {{due}} 项，逾期 {{overdue}} 项。请打开“今日”查看。',
  due: '今天到期 {{due}} 项。请打开“今日”查看。',
  overdue: '逾期 {{overdue}} 项。请打开“今日”查看。',
};

export const dueNoticeMessages = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };
