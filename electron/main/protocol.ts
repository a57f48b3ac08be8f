import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appHost, appScheme, contentSecurityPolicy } from '../../shared/security';

/** Must run before the app is ready: app:// behaves like a secure web origin (fetch, storage). */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
};

/** Serves the built renderer from app://regulars/…, never anything outside its folder. */
export const serveRenderer = (rendererDir: string): void => {
  const root = path.resolve(rendererDir);
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (url.host !== appHost || (file !== root && !file.startsWith(root + path.sep))) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
};
