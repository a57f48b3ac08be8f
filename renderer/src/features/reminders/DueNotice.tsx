import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { dueNotice, noticeChannel, type NotificationPermissionState } from '../../../../shared/reminders/notice';
import { languages, type Language } from '../../../../shared/locale';
import { useApi } from '../../api/hooks';
import { transport } from '../../api/transport';

const shownKey = 'regulars.dueNotice.shownFor';

const currentPermission = (): NotificationPermissionState => ('Notification' in window ? Notification.permission : 'unsupported');

/**
 * What is due, once per shop day. The desktop app's main process shows a system notification
 * itself; in a browser, a system notification once the owner allowed it (a button asks), otherwise
 * this banner. The day turning over (the core's day timer) refreshes the summary and shows it again.
 */
export const DueNotice = () => {
  const { t, i18n } = useTranslation('reminders');
  const navigate = useNavigate();
  const location = useLocation();
  const summary = useApi('reminders-due-summary', {});
  const [permission, setPermission] = useState(currentPermission);
  const [shownFor, setShownFor] = useState(() => localStorage.getItem(shownKey));
  const language: Language = (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  const notice = summary.data ? dueNotice(summary.data, language) : null;
  const today = summary.data?.today ?? null;
  const channel = noticeChannel({ transport: transport.kind, permission, notice, alreadyShown: today !== null && shownFor === today });

  const markShown = () => {
    if (today === null) return;
    localStorage.setItem(shownKey, today);
    setShownFor(today);
  };

  const title = notice?.title ?? null;
  const body = notice?.body ?? null;
  useEffect(() => {
    // Once per shop day, across reloads and tabs: the stored day is the record of it.
    if (channel !== 'system' || title === null || today === null || localStorage.getItem(shownKey) === today) return;
    localStorage.setItem(shownKey, today);
    const notification = new Notification(title, { body: body ?? '', tag: `regulars-due-${today}` });
    notification.onclick = () => {
      window.focus();
      navigate('/today');
    };
  }, [channel, title, body, today, navigate]);

  if (channel !== 'banner' || notice === null || location.pathname === '/today') return null;
  return (
    <div className="notice notice-warning due-banner" role="status" aria-label={t('notice.label')}>
      <strong>{notice.title}</strong>
      <span>{notice.body}</span>
      <NavLink className="button" to="/today">
        {t('notice.open')}
      </NavLink>
      {permission === 'default' && (
        <button type="button" className="button" onClick={() => void Notification.requestPermission().then((answer) => setPermission(answer))}>
          {t('notice.enable')}
        </button>
      )}
      {permission === 'denied' && <span className="field-hint">{t('notice.blocked')}</span>}
      <button type="button" className="button-link" onClick={markShown}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
};

/** "Today" in the navigation, with how many reminders are due or overdue. */
export const TodayNavLink = () => {
  const { t } = useTranslation();
  const summary = useApi('reminders-due-summary', {});
  const count = summary.data ? summary.data.overdue + summary.data.dueToday : 0;
  return (
    <NavLink to="/today">
      {t('nav.today')}
      {count > 0 && (
        <span className="badge nav-count" aria-label={t('nav.dueCount', { count })}>
          {count}
        </span>
      )}
    </NavLink>
  );
};
