import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  shell: { openExternal: vi.fn(async () => undefined) },
  ipcMain: { handle: vi.fn() },
  protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
  net: { fetch: vi.fn(async () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } })) },
}));
vi.mock('electron', () => electron);

const { hardenContents, hardenSession } = await import('../../electron/main/harden');
const { installRpcBridge } = await import('../../electron/main/rpc-bridge');
const { serveRenderer } = await import('../../electron/main/protocol');
const { contentSecurityPolicy } = await import('../../shared/security');

type Listener = (event: { preventDefault: () => void }, url: string) => void;

const fakeContents = () => {
  const listeners = new Map<string, Listener>();
  let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  const fire = (event: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler({ url }) };
};

beforeEach(() => vi.clearAllMocks());

describe('window hardening', () => {
  it('stays on its own pages: other navigation and redirects are stopped, webviews refused', () => {
    const { contents, fire } = fakeContents();
    hardenContents(contents as never);
    expect(fire('will-navigate', 'app://regulars/index.html#/counter')).toBe(false);
    expect(fire('will-navigate', 'https://evil.example')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:9999')).toBe(true);
    expect(fire('will-attach-webview', 'app://regulars/x')).toBe(true);
  });

  it('never opens a new window; web links go to the system browser, nothing else does', () => {
    const { contents, open } = fakeContents();
    hardenContents(contents as never);
    expect(open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/help');
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    hardenSession({ setPermissionRequestHandler: (handler: typeof request) => (request = handler), setPermissionCheckHandler: (handler: typeof check) => (check = handler) } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
  });
});

describe('rpc bridge', () => {
  const mainFrame = { url: 'app://regulars/index.html' };
  const window = { webContents: { mainFrame } };
  const core = { callUnknown: vi.fn(async () => ({ ok: true, value: 'answer' })) };

  const bridge = () => {
    installRpcBridge(core as never, window as never);
    const [channel, handler] = electron.ipcMain.handle.mock.calls[0] as unknown as [string, (event: unknown, name: unknown, input: unknown, origin?: unknown) => unknown];
    expect(channel).toBe('rpc');
    return handler;
  };

  it('passes calls from the app’s own main frame to the registry, with the window’s origin when it sends one', async () => {
    const handler = bridge();
    expect(await handler({ sender: window.webContents, senderFrame: mainFrame }, 'customers-list', {})).toEqual({ ok: true, value: 'answer' });
    expect(core.callUnknown).toHaveBeenLastCalledWith('customers-list', {}, undefined);
    const origin = 'window-7f3a';
    await handler({ sender: window.webContents, senderFrame: mainFrame }, 'customers-list', {}, origin);
    expect(core.callUnknown).toHaveBeenLastCalledWith('customers-list', {}, 'window-7f3a');
  });

  it('refuses sub-frames, foreign pages and other windows without reaching the registry', async () => {
    const handler = bridge();
    const refusals = [
      { sender: window.webContents, senderFrame: { url: 'app://regulars/index.html' } },
      { sender: window.webContents, senderFrame: { url: 'https://evil.example' } },
      { sender: { mainFrame }, senderFrame: mainFrame },
      { sender: window.webContents, senderFrame: null },
    ];
    for (const event of refusals) expect(await handler(event, 'customers-list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(core.callUnknown).not.toHaveBeenCalled();
  });
});

describe('app:// protocol', () => {
  const serve = () => {
    serveRenderer('/opt/regulars/renderer');
    return electron.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
  };

  it('serves the renderer with the strict CSP header', async () => {
    const response = await serve()(new Request('app://regulars/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(electron.net.fetch).toHaveBeenCalledWith('file:///opt/regulars/renderer/index.html');
  });

  it('serves nothing outside the renderer folder or for another host', async () => {
    const handle = serve();
    // Encoded slashes survive URL parsing and decode to a climb out of the folder.
    for (const url of ['app://regulars/..%2F..%2Fetc%2Fpasswd', 'app://regulars/assets%2F..%2F..%2F..%2Fsecrets', 'app://other/index.html']) {
      expect((await handle(new Request(url))).status, url).toBe(404);
    }
    expect(electron.net.fetch).not.toHaveBeenCalled();
  });
});
