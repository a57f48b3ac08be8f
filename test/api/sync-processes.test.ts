import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { cliEnv, cliFile, killedAfter, sequence } from '../support/processes';

/** The built command-line tool (`npm test` builds it first), each call its own process. */
const cli = (args: string[]) => {
  const result = spawnSync(process.execPath, [cliFile, ...args], { encoding: 'utf8', env: cliEnv, input: '' });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
};

const ok = (args: string[]): string => {
  const result = cli(args);
  expect(result.err, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.out;
};

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dir = () => {
  const made_ = tempDir('regulars-devices-');
  made.push(made_);
  return made_;
};

/** Every file of a full CSV export of the book, by name without its day: the devices' exports may fall either side of midnight. */
const exported = (dataDir: string): Map<string, Buffer> => {
  const out = dir();
  ok(['export', '--data', dataDir, '--what', 'all', '--format', 'csv', '--out', out, '--language', 'en']);
  return new Map(readdirSync(out).map((name) => [name.replace(/-\d{4}-\d{2}-\d{2}(?=\.csv$)/, ''), readFileSync(path.join(out, name))]));
};

describe('three devices in separate processes through a shared folder', () => {
  it('new customers and visits on each, synced in a random order with syncs killed midway: every export byte-identical and every book sound', { timeout: 300_000 }, async () => {
    const folder = dir();
    const [a, b, c] = [dir(), dir(), dir()];
    ok(['seed', '--data', a, '--customers', '60', '--visits', '400', '--seed', '1']);
    const code = ok(['devices', 'invite', '--data', a, '--name', 'Counter']);
    expect(code).toMatch(/^regulars-invite-\S+$/);
    ok(['sync', '--data', a, '--folder', folder]);
    for (const [index, joining] of [b, c].entries()) {
      ok(['devices', 'join', '--data', joining, '--code', code, '--name', index === 0 ? 'Laptop' : 'Second shop']);
      ok(['sync', '--data', joining, '--folder', folder]);
    }
    // Apart: each device records new customers and visits (and visits for customers of the shared book).
    for (const [index, device] of [a, b, c].entries()) {
      ok(['seed', '--data', device, '--customers', '15', '--visits', '120', '--seed', String(10 + index), '--days', '30', '--append']);
    }
    const random = sequence(19);
    const devices = [a, b, c];
    for (let round = 0; round < 6; round += 1) {
      const device = devices[random(3)]!;
      await killedAfter(['sync', '--data', device, '--folder', folder], 150 + random(900));
    }
    for (let round = 0; round < 2; round += 1) for (const device of devices) ok(['sync', '--data', device, '--folder', folder]);
    const reference = exported(a);
    expect(reference.size).toBeGreaterThan(3);
    for (const device of [b, c]) {
      const other = exported(device);
      expect([...other.keys()]).toEqual([...reference.keys()]);
      for (const [name, content] of reference) expect(other.get(name)?.equals(content), name).toBe(true);
    }
    for (const device of devices) expect(ok(['check', '--data', device])).toMatch(/^sound: 105 customers/);
    // Every device lists the same three devices by name (registered as each joined), itself marked.
    for (const [index, device] of devices.entries()) {
      const listed = ok(['devices', 'list', '--data', device]).split('\n').map((line) => line.split('\t'));
      expect(listed.map((fields) => fields[1])).toEqual(['Counter', 'Laptop', 'Second shop']);
      expect(listed.filter((fields) => fields[4] === 'this device').map((fields) => fields[1])).toEqual([['Counter', 'Laptop', 'Second shop'][index]]);
    }
  });
});
