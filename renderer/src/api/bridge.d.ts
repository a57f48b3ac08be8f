/** What the Electron preload exposes; absent in browser mode. */
interface RegularsBridge {
  invoke(name: string, input: unknown, origin: string): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

interface Window {
  regulars?: RegularsBridge;
}
