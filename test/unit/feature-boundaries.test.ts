import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule that keeps core features apart (eslint.config.js, boundaries/dependencies): a file
 * reaches another feature only through that feature's index.ts. Snippets are linted as if they were
 * files at the given paths, with the project's own configuration.
 */
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

const boundaryErrors = async (file: string, code: string): Promise<number[]> => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'boundaries/dependencies').map((message) => message.line);
};

describe('feature boundaries lint rule', () => {
  it("refuses a feature importing another feature's queries or private modules, and allows its index", async () => {
    const code = [
      "import { getCustomerRow } from '../customers/queries';",
      "import { recordAudit } from '../audit/record';",
      "import { insertCustomer } from '../customers';",
      "import { visitRow } from './queries';",
      "import { newId } from '../db/ids';",
      "import type { HandlerContext } from '../context';",
      'export const used = [getCustomerRow, recordAudit, insertCustomer, visitRow, newId] as unknown as HandlerContext;',
    ].join('\n');
    expect(await boundaryErrors('electron/core/visits/probe.ts', code)).toEqual([1, 2]);
  }, 60_000);

  it('refuses a nested module of another feature but not a sibling module of the same feature', async () => {
    const code = [
      "import { dashboardProviders } from '../../loyalty/dashboard';",
      "import { runExport } from '../export/run';",
      'export const used = [dashboardProviders, runExport];',
    ].join('\n');
    expect(await boundaryErrors('electron/core/transfer/import/probe.ts', code)).toEqual([1]);
  }, 60_000);

  it("refuses the host and core-level modules reaching into a feature's internals", async () => {
    const host = ["import { getStaff } from '../core/staff/queries';", "import { staffHandlers } from '../core/staff';", 'export const used = [getStaff, staffHandlers];'].join('\n');
    expect(await boundaryErrors('electron/host/probe.ts', host)).toEqual([1]);
    const core = ["import { getStaff } from './staff/queries';", "import { staffHandlers } from './staff';", 'export const used = [getStaff, staffHandlers];'].join('\n');
    expect(await boundaryErrors('electron/core/probe.ts', core)).toEqual([1]);
    // core.ts, the composition root, registers each feature's handlers from the feature itself.
    expect(await boundaryErrors('electron/core/core.ts', "import { staffHandlers } from './staff/handlers';\nexport const used = [staffHandlers];")).toEqual([]);
  }, 60_000);
});
