import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * A write refreshes each open window's data once: the window that wrote refreshes when its call
 * answers and skips the data-changed event its own call caused; another window refreshes on that event.
 */
type Listener = (payload: unknown) => void;
const listeners: { origin: string; event: string; listener: Listener }[] = [];
const emit = (event: string, payload: unknown) => listeners.filter((entry) => entry.event === event).forEach((entry) => entry.listener(payload));
const windowOf = (origin: string) => ({
  origin,
  on: (event: string, listener: Listener): (() => void) => {
    const entry = { origin, event, listener };
    listeners.push(entry);
    return () => {
      listeners.splice(listeners.indexOf(entry), 1);
    };
  },
});

// This window's transport: a write makes the core send data-changed (with this window's origin) before
// the call answers, as the browser mode's event stream can.
vi.mock('../../renderer/src/api/transport', () => ({
  transport: {
    ...windowOf('window-a'),
    kind: 'browser',
    invoke: async (name: string) => {
      emit('data-changed', { handler: name, origin: 'window-a' });
      return { ok: true, value: { id: 'v1' } };
    },
  },
}));

const { followCoreChanges, writeOptions } = await import('../../renderer/src/api/hooks');
const { transport } = await import('../../renderer/src/api/transport');

const openWindow = async (from: Pick<typeof transport, 'on' | 'origin'>) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const stop = followCoreChanges(client, from);
  let fetches = 0;
  const observer = new QueryObserver(client, {
    queryKey: ['customers-list', {}],
    queryFn: async () => {
      fetches += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return fetches;
    },
  });
  const unsubscribe = observer.subscribe(() => undefined);
  await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
  return { client, fetches: () => fetches, close: () => (unsubscribe(), stop(), client.clear()) };
};

const settled = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('query refresh after a write', () => {
  const opened: { close: () => void }[] = [];
  afterEach(() => opened.splice(0).forEach((window) => window.close()));

  it('refreshes the window that wrote once, and another window once', async () => {
    const writer = await openWindow(transport);
    const other = await openWindow(windowOf('window-b'));
    opened.push(writer, other);
    expect([writer.fetches(), other.fetches()]).toEqual([1, 1]);

    const write = new MutationObserver(writer.client, writeOptions(writer.client, 'visits-log'));
    await write.mutate({ customerId: null });
    await settled();

    expect(writer.fetches()).toBe(2);
    expect(other.fetches()).toBe(2);
  });

  it("refreshes every window on the core's own changes (no origin) and after the event stream reconnects", async () => {
    const first = await openWindow(transport);
    const second = await openWindow(windowOf('window-b'));
    opened.push(first, second);

    emit('data-changed', { handler: 'reminders-new-day' });
    await settled();
    expect([first.fetches(), second.fetches()]).toEqual([2, 2]);

    emit('reconnected', {});
    await settled();
    expect([first.fetches(), second.fetches()]).toEqual([3, 3]);
  });
});
