/**
 * The renderer's Content-Security-Policy: only our own files, no inline scripts, no eval, no remote
 * content. Written into index.html at build time and sent as a header by both transports. (Framing
 * is refused by the X-Frame-Options header: frame-ancestors is ignored in a <meta> policy.)
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The origin the desktop app's pages are served from (a privileged custom scheme, not file://). */
export const appScheme = 'app';
export const appHost = 'regulars';
export const appOrigin = `${appScheme}://${appHost}`;
