import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsOwner } from '../../app/session';

/** A book with nobody in it yet: the two ways to fill it, in the app (importing is the owner's). */
export const EmptyBook = () => {
  const { t } = useTranslation('customers');
  const owner = useIsOwner();
  return (
    <div className="empty-state empty-book">
      <p>{t('list.emptyBook')}</p>
      <p className="form-actions">
        <Link className="button button-primary" to="/customers/new">
          {t('list.addFirst')}
        </Link>
        {owner && (
          <Link className="button" to="/data">
            {t('list.importFirst')}
          </Link>
        )}
      </p>
    </div>
  );
};
