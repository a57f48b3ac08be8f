import path from 'node:path';
import { isAbsolutePath } from '../../shared/contract/files';

/** The input fields that name a place on disk: folders to write into, files to read. */
const pathKeys = new Set(['folder', 'path']);

const inside = (sandbox: string, value: string): string => {
  const candidate = path.resolve(sandbox, value.trim().replace(/^([A-Za-z]:)?[\\/]+/, ''));
  return candidate === sandbox || candidate.startsWith(`${sandbox}${path.sep}`) ? candidate : sandbox;
};

/**
 * Fuzzed input with every absolute path it carries moved under `sandbox`, strange characters
 * and all: the handlers still meet NULs, "..", and huge names, but never write outside the test's
 * own folder. Relative paths stay as they are (the contract refuses them).
 */
export const confinePaths = (input: unknown, sandbox: string): unknown => {
  if (Array.isArray(input)) return input.map((item) => confinePaths(item, sandbox));
  if (input === null || typeof input !== 'object') return input;
  const confined: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const moved = pathKeys.has(key) && typeof value === 'string' && isAbsolutePath(value.trim()) && !value.includes('\u0000') ? inside(sandbox, value) : confinePaths(value, sandbox);
    Object.defineProperty(confined, key, { value: moved, enumerable: true, configurable: true, writable: true });
  }
  return confined;
};
