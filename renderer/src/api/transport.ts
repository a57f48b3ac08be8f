import { err } from '../../../shared/result';
import { openEventStream } from './event-stream';

/** What the Electron preload exposes; absent in browser mode. */
interface RegularsBridge {
  invoke(name: string, input: unknown, origin: string): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    regulars?: RegularsBridge;
  }
}

export interface Transport {
  kind: 'electron' | 'browser';
  /**
   * This window's or tab's id, sent with every call; the core echoes it in the data-changed event a
   * write sends, so the window that wrote (and refreshed when its call answered) skips that event.
   */
  origin: string;
  /** `signal`: a read nobody waits for any more (a search overtaken by the next keystroke) is abandoned. */
  invoke(name: string, input: unknown, signal?: AbortSignal): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

const tokenKey = 'regulars.token';

/** Browser mode's session token: taken from the printed URL once, then kept for this tab only. */
const sessionToken = (): string | null => {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey);
};

/** Made once per page load: each window and each browser tab is its own origin. */
const origin = crypto.randomUUID();

const browserTransport = (token: string | null): Transport => {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<(payload: unknown) => void>();
  listeners.set('reconnected', reconnectListeners);
  if (token !== null) {
    openEventStream(
      token,
      (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
      () => reconnectListeners.forEach((listener) => listener({})),
    );
  }
  return {
    kind: 'browser',
    origin,
    invoke: async (name, input, signal) => {
      if (token === null) return err('UNAUTHORIZED');
      try {
        const response = await fetch('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-regulars-token': token },
          body: JSON.stringify({ name, input, origin }),
          signal,
        });
        return await response.json();
      } catch (caught) {
        // An abandoned read is no failure to show: whoever abandoned it no longer wants its answer.
        if (signal?.aborted) throw caught;
        return err('TRANSPORT_FAILED');
      }
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
};

/** The desktop bridge when the preload provided it, otherwise browser mode over HTTP. */
export const transport: Transport = window.regulars
  ? // IPC cannot take a call back: an abandoned read still answers, and its answer is dropped.
    { kind: 'electron', origin, invoke: (name, input) => window.regulars!.invoke(name, input, origin), on: window.regulars.on }
  : browserTransport(sessionToken());
