import { hashKey, keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { HandlerName, InputOf, OutputOf } from '../../../shared/contract';
import type { CoreEvents } from '../../../shared/contract/events';
import type { Result } from '../../../shared/result';
import { api, apiOrThrow } from './client';
import { transport, type Transport } from './transport';

export const queryKeyOf = <N extends HandlerName>(name: N, input: InputOf<N>) => [name, input] as const;

/** A read through a handler as React Query runs it: abandoned (the call cancelled) when nobody waits for it any more. */
const readOf = <N extends HandlerName>(name: N, input: InputOf<N>) => ({
  queryKey: queryKeyOf(name, input),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiOrThrow(name, input, signal),
});

/**
 * Starts a read into the cache for a screen about to draw it (a route's loader), which then finds it
 * there or on its way. Settles once the read has answered or failed (a failure is the screen's to show).
 */
export const readAhead = <N extends HandlerName>(client: QueryClient, name: N, input: InputOf<N>): Promise<void> => client.prefetchQuery(readOf(name, input));

/**
 * Reads through a handler; refreshed whenever the core reports a change. A read whose input changed
 * before it answered (a search overtaken by the next keystroke) is cancelled, not waited for.
 */
export const useApi = <N extends HandlerName>(name: N, input: InputOf<N>, options: { enabled?: boolean; keepPrevious?: boolean } = {}) =>
  useQuery({
    ...readOf(name, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });

/**
 * Starts a read at once, in the event that asks for it, ahead of the render that will show it (that
 * render's useApi finds it on its way): a keystroke's search leaves before React has drawn the
 * keystroke. The read asked ahead before it, if it has not answered yet, is cancelled; null asks for
 * nothing and only cancels. A read a screen already shows is left to React Query, which cancels it
 * when that screen moves on: cancelled here, the screen still showing it would ask for it again.
 */
export const useReadAhead = <N extends HandlerName>(name: N) => {
  const client = useQueryClient();
  const asked = useRef<QueryKey | null>(null);
  return useCallback(
    (input: InputOf<N> | null) => {
      const read = input === null ? null : readOf(name, input);
      if (read !== null && asked.current !== null && hashKey(asked.current) === hashKey(read.queryKey)) return;
      const before = asked.current === null ? undefined : client.getQueryCache().find({ queryKey: asked.current, exact: true });
      if (before !== undefined && before.getObserversCount() === 0) void client.cancelQueries({ queryKey: before.queryKey, exact: true });
      asked.current = read?.queryKey ?? null;
      if (read !== null) void client.prefetchQuery(read);
    },
    [client, name],
  );
};

/** Reads now, through the same cache as useApi: for acting on a key press before the read on screen caught up. */
export const useFetchNow = () => {
  const client = useQueryClient();
  return <N extends HandlerName>(name: N, input: InputOf<N>) => client.fetchQuery({ queryKey: queryKeyOf(name, input), queryFn: () => apiOrThrow(name, input) });
};

/** A write through a handler: once it answered, this window's views refresh (the only refresh it causes here). */
export const writeOptions = <N extends HandlerName>(client: QueryClient, name: N) => ({
  mutationFn: (input: InputOf<N>) => api(name, input),
  onSuccess: (result: Result<OutputOf<N>>) => {
    if (result.ok) void client.invalidateQueries();
  },
});

/** Writes through a handler; answers the Result so forms can show field errors next to fields. */
export const useApiMutation = <N extends HandlerName>(name: N) => {
  const client = useQueryClient();
  return useMutation(writeOptions(client, name));
};

/**
 * Any change in the book refreshes the views once. A write this window made refreshed them when its
 * call answered (useApiMutation, the undo toast), so its own data-changed event is skipped; a change
 * from another window or tab, the CLI, or the core's own work (a new day, a value fit) refreshes here.
 */
export const followCoreChanges = (client: QueryClient, from: Pick<Transport, 'on' | 'origin'> = transport): (() => void) => {
  const stops = [
    from.on('data-changed', (payload) => {
      if ((payload as CoreEvents['data-changed']).origin !== from.origin) void client.invalidateQueries();
    }),
    from.on('reconnected', () => void client.invalidateQueries()),
  ];
  return () => stops.forEach((stop) => stop());
};
