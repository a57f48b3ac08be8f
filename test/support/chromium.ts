import { inflate } from '@sparticuz/chromium';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The browser the end-to-end tests and the bench's browser sections drive. Playwright's own browser
 * download is never used (it reaches outside the npm registry), so the browser is found in this
 * order: the path in `REGULARS_CHROMIUM`; a system Chromium or Chrome; the headless Chromium that
 * ships inside the `@sparticuz/chromium` npm package, unpacked once under node_modules/.cache.
 */
export interface ChromiumChoice {
  executablePath: string;
  /** Where it came from, for the one line the test run prints. */
  source: 'REGULARS_CHROMIUM' | 'system' | 'npm package';
  /** Environment the browser must start with (the packaged one brings its own NSS and fonts). */
  env: Record<string, string>;
  /** Set for the packaged browser: unpack it (`ensureChromium`) before the first launch. */
  unpackTo: string | null;
}

/** Places a Chromium or Chrome is installed by Linux packages and Google's installer. */
export const systemChromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
];

/** The flags every launch uses: no sandbox (CI runs as root), no background traffic, no GPU. */
export const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'];

const packageDir = (root: string): string => path.join(root, 'node_modules', '@sparticuz', 'chromium');

const packageVersion = (root: string): string =>
  (JSON.parse(readFileSync(path.join(packageDir(root), 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Chooses the browser without touching the disk beyond existence checks, so playwright.config.ts can
 * call it synchronously. `REGULARS_SYSTEM_BROWSERS` (colon-separated, may be empty) replaces the
 * system candidates: tests use it to act out a machine without a system browser.
 */
export const chooseChromium = (root: string, env: NodeJS.ProcessEnv = process.env): ChromiumChoice => {
  const inherited = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  if (env.REGULARS_CHROMIUM) return { executablePath: env.REGULARS_CHROMIUM, source: 'REGULARS_CHROMIUM', env: inherited, unpackTo: null };
  const candidates = env.REGULARS_SYSTEM_BROWSERS !== undefined ? env.REGULARS_SYSTEM_BROWSERS.split(':').filter(Boolean) : systemChromiumCandidates;
  const system = candidates.find((candidate) => existsSync(candidate));
  if (system) return { executablePath: system, source: 'system', env: inherited, unpackTo: null };
  const unpackTo = path.join(root, 'node_modules', '.cache', 'regulars-chromium', packageVersion(root));
  return {
    executablePath: path.join(unpackTo, 'chromium'),
    source: 'npm package',
    // The package's build links against NSS and expat from its own Amazon Linux libraries, so a
    // machine without them (no Chromium ever installed) still starts it; its fonts.conf names the
    // bundled Open Sans, so nothing depends on the machine's fonts either.
    env: { ...inherited, LD_LIBRARY_PATH: [path.join(unpackTo, 'al2023', 'lib'), inherited.LD_LIBRARY_PATH].filter(Boolean).join(':'), FONTCONFIG_PATH: path.join(unpackTo, 'fonts') },
    unpackTo,
  };
};

const fontsConfig = (fontsDir: string): string =>
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fontsDir}</dir>\n  <cachedir>${path.join(fontsDir, 'cache')}</cachedir>\n</fontconfig>\n`;

/**
 * Unpacks the packaged browser if it is not there yet (about 5 s, once per package version). It is
 * unpacked into a staging folder and renamed into place, so parallel runs and an interrupted unpack
 * never leave a half-written browser behind.
 */
export const ensureChromium = async (root: string, choice: ChromiumChoice): Promise<void> => {
  const target = choice.unpackTo;
  if (target === null || existsSync(choice.executablePath)) return;
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // The package's `inflate` writes into os.tmpdir(); pointing TMPDIR at the staging folder for the
  // call keeps it out of the shared /tmp (where another version's browser may already sit).
  const previousTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    for (const archive of ['chromium.br', 'al2023.tar.br', 'fonts.tar.br']) await inflate(path.join(packageDir(root), 'bin', archive));
  } finally {
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
  }
  writeFileSync(path.join(staging, 'fonts', 'fonts.conf'), fontsConfig(path.join(target, 'fonts')));
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another run unpacked the same version first: theirs is complete, drop ours.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(choice.executablePath)) throw error;
  }
};
