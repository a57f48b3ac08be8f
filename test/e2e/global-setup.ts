import { execFileSync } from 'node:child_process';

/** The tests drive the built app; build whatever is out of date (a no-op when `npm test` just built). */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['build/scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
}
