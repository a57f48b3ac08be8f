import { spawn } from 'node:child_process';

/** The command line as built by `npm test`, run the way a shop's script would run it. */
export const cliFile = 'dist/cli/index.cjs';
export const cliEnv = { ...process.env, LANG: 'C', LC_ALL: '' };

/** The command line killed after `afterMs` (mid-write of whatever it was doing — or just done). */
export const killedAfter = (args: readonly string[], afterMs: number): Promise<void> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [cliFile, ...args], { stdio: 'ignore', env: cliEnv });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** A small deterministic random sequence, so a failing order can be run again. */
export const sequence = (seed: number) => {
  let state = seed;
  return (below: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
};
