import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ownerCanLift, type AppError, type FieldIssue } from '../../../shared/errors';
import { requestUnlock } from '../app/unlock-requests';

/** Translates one error value into the sentence a shop owner reads. */
export const useDescribeError = () => {
  const { t } = useTranslation('errors');
  // The same function while the language stays: memoized callers (a timeline's entries) keep theirs.
  return useCallback((error: AppError): string => {
    switch (error.code) {
      case 'NOT_FOUND':
        return t('codes.NOT_FOUND', { entity: t(`entities.${error.details.entity}`) });
      case 'INVALID_STATE': {
        const key = `states.${error.details.reason}`;
        return t(key as 'states.already_archived', { defaultValue: t('codes.INVALID_STATE') });
      }
      case 'VALIDATION_FAILED':
        return t('codes.VALIDATION_FAILED');
      case 'FILE_REFUSED': {
        const { reason, ...values } = error.details;
        return t(`files.${reason}`, values);
      }
      default:
        return t(`codes.${error.code}`, { ...(error.details ?? {}) });
    }
  }, [t]);
};

export const useDescribeIssue = () => {
  const { t } = useTranslation('errors');
  return (issue: FieldIssue): string => t(`rules.${issue.rule}`, { limit: issue.limit ?? '' });
};

export const ErrorNotice = ({ error, onRetry }: { error: AppError | null | undefined; onRetry?: () => void }) => {
  const describe = useDescribeError();
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <span>{describe(error)}</span>
      {ownerCanLift(error) && (
        <button type="button" className="button" onClick={requestUnlock}>
          {t('actions.unlock')}
        </button>
      )}
      {onRetry && !ownerCanLift(error) && (
        <button type="button" className="button-link" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      )}
    </div>
  );
};

/** Field issues by path ("phones.1"), for showing each next to its field. */
export const issuesByPath = (error: AppError | null | undefined): Map<string, FieldIssue> => {
  const map = new Map<string, FieldIssue>();
  if (error?.code === 'VALIDATION_FAILED') for (const issue of error.details.issues) if (!map.has(issue.path)) map.set(issue.path, issue);
  return map;
};
