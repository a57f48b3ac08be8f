import type { WebPreferences } from 'electron';
import { appHost, appScheme } from '../../shared/security';

/** The window's web preferences; each line is asserted by a test. */
export const secureWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
});

/**
 * Pages of our own app, served from the app:// scheme. Compared by scheme and host: Node's URL
 * gives custom schemes the origin "null", so an origin comparison would refuse our own pages.
 */
export const isAppUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
};

/** The only links that may leave the app: plain web links the user clicked, opened in their browser. */
export const isExternalWebLink = (url: string): boolean => {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

/** The rpc bridge answers only our own top-level page, never a frame or a foreign page. */
export const isTrustedSender = (frameUrl: string | undefined, isMainFrame: boolean): boolean =>
  isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
