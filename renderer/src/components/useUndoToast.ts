import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlerName, InputOf } from '../../../shared/contract';
import { api } from '../api/client';
import { useDescribeError } from './ErrorNotice';
import { useToast } from './Toast';

/**
 * The one undo pattern at the counter: a confirmation with Undo, whose Undo calls the handler that
 * reverses exactly that action (the core refuses when something changed since) and says how it went.
 */
export const useUndoToast = () => {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const client = useQueryClient();
  // The same function while its parts stay: memoized callers (a timeline's entries) keep theirs.
  return useCallback(
    <N extends HandlerName>(text: string, undo: { name: N; input: InputOf<N> }) =>
      toast({
        tone: 'success',
        text,
        action: {
          label: t('actions.undo'),
          run: () =>
            void api(undo.name, undo.input).then((result) => {
              if (result.ok) void client.invalidateQueries();
              toast(result.ok ? { tone: 'success', text: t('undone') } : { tone: 'error', text: describe(result.error) });
            }),
        },
      }),
    [t, toast, describe, client],
  );
};
