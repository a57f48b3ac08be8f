// Renders build/icon.svg to the PNG sizes the installers use (electron-builder derives .ico and
// .icns from build/icon.png). Run after changing the SVG: node build/scripts/icons.mjs
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './electron-runtime.mjs';

const svg = readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.REGULARS_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
for (const size of [1024, 512, 256, 128, 64, 48, 32, 16]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  const target = size === 1024 ? path.join(root, 'build', 'icon.png') : path.join(root, 'build', 'icons', `${size}x${size}.png`);
  await page.screenshot({ path: target, omitBackground: true });
}
await browser.close();
console.log('icons written to build/icon.png and build/icons/');
