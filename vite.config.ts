import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/security.ts';

/** Writes the one CSP (shared/security.ts) into index.html, so the page and the servers agree. */
const injectCsp = (): Plugin => ({
  name: 'regulars-csp',
  transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', contentSecurityPolicy),
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), injectCsp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inline assets would need data: scripts/styles; keep every asset a file under 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
