import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseChromium, ensureChromium } from '../support/chromium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The tests drive the built app; build whatever is out of date (a no-op when `npm test` just built).
 * Then make sure the browser is there: on a machine with no Chromium, the npm package's is unpacked
 * once, here, before any worker launches it.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, ['build/scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
  const choice = chooseChromium(root);
  await ensureChromium(root, choice);
  console.log(`Browser: ${choice.executablePath} (${choice.source})`);
}
