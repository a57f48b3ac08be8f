import type { DueSummary } from '../contract/reminders';
import { dueNoticeMessages } from '../i18n/due-notice';
import { fill } from '../i18n/messages';
import type { Language } from '../locale';

export interface DueNotice {
  title: string;
  body: string;
}

/** What to tell the owner about the day's reminders; null when nothing is due or overdue. */
export const dueNotice = (summary: DueSummary, language: Language): DueNotice | null => {
  const messages = dueNoticeMessages[language];
  const values = { due: summary.dueToday, overdue: summary.overdue };
  if (summary.dueToday === 0 && summary.overdue === 0) return null;
  const body = summary.overdue === 0 ? messages.due : summary.dueToday === 0 ? messages.overdue : messages.dueAndOverdue;
  return { title: messages.title, body: fill(body, values) };
};

/** Where the notice goes: the desktop app's main process shows it itself; in a browser, a system notification once permitted, otherwise a banner in the app. */
export type NoticeChannel = 'none' | 'system' | 'banner';

export const noticeChannel = (options: {
  transport: 'electron' | 'browser';
  /** The browser's Notification.permission, or 'unsupported' where there is no Notifications API. */
  permission: NotificationPermissionState;
  notice: DueNotice | null;
  /** The notice for this shop day was already shown. */
  alreadyShown: boolean;
}): NoticeChannel => {
  if (options.transport === 'electron' || options.notice === null || options.alreadyShown) return 'none';
  return options.permission === 'granted' ? 'system' : 'banner';
};

export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';
