import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A marker that the app (desktop or browser mode) has this book open, so the command line does
 * not replace the book file under it: the app would go on writing to the replaced file.
 */
const markerOf = (dataDir: string): string => path.join(dataDir, 'regulars.in-use');

export const markInUse = (dataDir: string): (() => void) => {
  const marker = markerOf(dataDir);
  writeFileSync(marker, String(process.pid));
  return () => rmSync(marker, { force: true });
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (caught) {
    return (caught as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** True when another running process marked the book as open. */
export const inUseElsewhere = (dataDir: string): boolean => {
  let pid: number;
  try {
    pid = Number(readFileSync(markerOf(dataDir), 'utf8'));
  } catch {
    return false;
  }
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid);
};
