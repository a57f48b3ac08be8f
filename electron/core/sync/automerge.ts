import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as Automerge from '@automerge/automerge/slim';

/**
 * Automerge's engine is WebAssembly (3.6 MB): loaded when a shared book first syncs, never at start
 * and never for a book that is not shared. The slim build takes the module from the package's own
 * file, found from the project (or packaged app) root like the SQLite module.
 */
let ready: Promise<typeof Automerge> | null = null;

export const loadAutomerge = (projectRoot: string): Promise<typeof Automerge> => {
  const wasmFile = () => createRequire(path.join(projectRoot, 'package.json')).resolve('@automerge/automerge/automerge.wasm');
  ready ??= Automerge.initializeWasm(readFileSync(wasmFile())).then(() => Automerge);
  return ready;
};

export type AutomergeApi = typeof Automerge;
