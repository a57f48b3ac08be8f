import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useRouteError } from 'react-router';

/**
 * What a screen shows instead of itself when its code fails: the menu stays, the owner is told
 * their book is safe (every save went through the core before the screen heard of it), and the
 * way back is one click. The error itself goes to the console for whoever investigates.
 */
export const ScreenError = () => {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const error = useRouteError();
  useEffect(() => console.error(error), [error]);
  return (
    <section className="page" role="alert" aria-labelledby="screen-error-title">
      <header className="page-header">
        <h1 id="screen-error-title">{t('screenError.title')}</h1>
      </header>
      <p>{t('screenError.body')}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" autoFocus onClick={() => navigate(0)}>
          {t('screenError.retry')}
        </button>
        <Link className="button" to="/today">
          {t('screenError.today')}
        </Link>
      </div>
    </section>
  );
};
