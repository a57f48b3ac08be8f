import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseChromium } from '../support/chromium';

const root = path.resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'regulars-chromium-choice-'));
const installedBrowser = path.join(scratch, 'chromium');
writeFileSync(installedBrowser, '');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the browser the tests drive', () => {
  it('is the one REGULARS_CHROMIUM names, before any installed one', () => {
    const choice = chooseChromium(root, { REGULARS_CHROMIUM: '/opt/mine/chrome', REGULARS_SYSTEM_BROWSERS: installedBrowser });
    expect(choice).toMatchObject({ executablePath: '/opt/mine/chrome', source: 'REGULARS_CHROMIUM', unpackTo: null });
  });

  it('is the first system browser that is installed, skipping the missing ones', () => {
    const choice = chooseChromium(root, { REGULARS_SYSTEM_BROWSERS: `${path.join(scratch, 'absent')}:${installedBrowser}` });
    expect(choice).toMatchObject({ executablePath: installedBrowser, source: 'system', unpackTo: null });
  });

  it('is the npm package’s headless Chromium on a machine with none, started with its own libraries and fonts', () => {
    const choice = chooseChromium(root, { REGULARS_SYSTEM_BROWSERS: path.join(scratch, 'absent'), LD_LIBRARY_PATH: '/usr/local/lib' });
    expect(choice.source).toBe('npm package');
    expect(choice.unpackTo).toMatch(/node_modules\/\.cache\/regulars-chromium\/\d+\.\d+\.\d+$/);
    expect(choice.executablePath).toBe(path.join(choice.unpackTo ?? '', 'chromium'));
    expect(choice.env.LD_LIBRARY_PATH).toBe(`${path.join(choice.unpackTo ?? '', 'al2023', 'lib')}:/usr/local/lib`);
    expect(choice.env.FONTCONFIG_PATH).toBe(path.join(choice.unpackTo ?? '', 'fonts'));
  });
});
