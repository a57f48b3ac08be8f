import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HandlerName, InputOf } from '../../../shared/contract';
import { api, apiOrThrow } from './client';
import { transport } from './transport';

export const queryKeyOf = <N extends HandlerName>(name: N, input: InputOf<N>) => [name, input] as const;

/**
 * Reads through a handler; refreshed whenever the core reports a change. A read whose input changed
 * before it answered (a search overtaken by the next keystroke) is cancelled, not waited for.
 */
export const useApi = <N extends HandlerName>(name: N, input: InputOf<N>, options: { enabled?: boolean; keepPrevious?: boolean } = {}) =>
  useQuery({
    queryKey: queryKeyOf(name, input),
    queryFn: ({ signal }) => apiOrThrow(name, input, signal),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });

/** Reads now, through the same cache as useApi: for acting on a key press before the read on screen caught up. */
export const useFetchNow = () => {
  const client = useQueryClient();
  return <N extends HandlerName>(name: N, input: InputOf<N>) => client.fetchQuery({ queryKey: queryKeyOf(name, input), queryFn: () => apiOrThrow(name, input) });
};

/** Writes through a handler; answers the Result so forms can show field errors next to fields. */
export const useApiMutation = <N extends HandlerName>(name: N) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<N>) => api(name, input),
    onSuccess: (result) => {
      if (result.ok) void client.invalidateQueries();
    },
  });
};

/** Any change in the book (from this window, the CLI's restore, another tab) refreshes the views. */
export const followCoreChanges = (client: QueryClient): (() => void) => {
  const stops = [
    transport.on('data-changed', () => void client.invalidateQueries()),
    transport.on('reconnected', () => void client.invalidateQueries()),
  ];
  return () => stops.forEach((stop) => stop());
};
