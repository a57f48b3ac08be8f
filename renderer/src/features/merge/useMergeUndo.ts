import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';

/** Undoes a merge and says what came back, or why it could not. */
export const useMergeUndo = () => {
  const { t } = useTranslation(['merge', 'common']);
  const toast = useToast();
  const describe = useDescribeError();
  const undo = useApiMutation('customers-merge-undo');
  return (mergeId: string, absorbedName: string) =>
    void undo.mutateAsync({ mergeId }).then((result) =>
      toast(result.ok ? { tone: 'success', text: t('undone', { absorbed: absorbedName }) } : { tone: 'error', text: describe(result.error) }),
    );
};
