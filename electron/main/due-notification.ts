import { Notification } from 'electron';
import type { DueSummary } from '../../shared/contract/reminders';
import type { Language } from '../../shared/locale';
import { dueNotice } from '../../shared/reminders/notice';

/** The notification on screen; kept referenced so its click still arrives after garbage collection. */
let shown: Notification | null = null;

/** What is due, as a system notification (at start and when the shop's day turns over); a click opens Today. */
export const showDueNotification = (summary: DueSummary, language: Language, openToday: () => void): void => {
  const notice = dueNotice(summary, language);
  if (notice === null || !Notification.isSupported()) return;
  shown?.close();
  shown = new Notification({ title: notice.title, body: notice.body });
  shown.on('click', openToday);
  shown.show();
};
