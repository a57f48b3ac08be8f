import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalWebLink, isTrustedSender, secureWebPreferences } from '../../electron/main/security';
import { contentSecurityPolicy } from '../../shared/security';

describe('Electron window security', () => {
  it('isolates the renderer from Node and Electron', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('treats only app://regulars pages as the app', () => {
    expect(isAppUrl('app://regulars/index.html')).toBe(true);
    expect(isAppUrl('app://regulars/#/customers')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://regulars.example')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('opens only web links outside the app', () => {
    expect(isExternalWebLink('https://example.com')).toBe(true);
    expect(isExternalWebLink('http://example.com')).toBe(true);
    expect(isExternalWebLink('file:///etc/passwd')).toBe(false);
    expect(isExternalWebLink('javascript:alert(1)')).toBe(false);
    expect(isExternalWebLink('smb://share/x')).toBe(false);
  });

  it('answers the rpc bridge only for the app’s own main frame', () => {
    expect(isTrustedSender('app://regulars/index.html', true)).toBe(true);
    expect(isTrustedSender('app://regulars/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only the app’s own scripts: no inline code, no eval, no remote content', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives.get('default-src')).toBe("default-src 'self'");
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('is written into the page template', () => {
    expect(readFileSync('renderer/index.html', 'utf8')).toContain('http-equiv="Content-Security-Policy" content="%CONTENT_SECURITY_POLICY%"');
  });
});
