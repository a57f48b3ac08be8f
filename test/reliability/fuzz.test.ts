import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, handlerNames } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { checkBook } from '../../electron/core/check';
import type { Core } from '../../electron/core/core';
import { seedBook } from '../../electron/core/seed/seed';
import { bookSnapshot, freshCore } from '../support/core';
import { anyInput } from './arbitraries';
import { sized } from './scale';

const runsPerHandler = sized(60, 1000);
let inputsTried = 0;
const accepted = new Map<string, number>();

const isResult = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && (('ok' in value && value.ok === true && 'value' in value) || ('ok' in value && value.ok === false && 'error' in value));

describe('fuzzing every handler with arbitrary and adversarial input', () => {
  let core: Core;
  let ids: string[];

  beforeEach(() => {
    core = freshCore();
    seedBook(core.db, { customers: 30, visits: 120, seed: 3, days: 60, now: new Date('2026-11-01T00:00:00Z') });
    // Some records in every state, so state-changing handlers have something to act on.
    core.db.exec("UPDATE customers SET archived_at = '2026-10-01T00:00:00.000Z' WHERE rid IN (SELECT rid FROM customers ORDER BY rid LIMIT 3)");
    core.db.exec("UPDATE visits SET archived_at = '2026-10-01T00:00:00.000Z' WHERE id IN (SELECT id FROM visits ORDER BY id LIMIT 3)");
    ids = [
      ...(core.db.prepare('SELECT id FROM customers ORDER BY rid LIMIT 6').pluck().all() as string[]),
      ...(core.db.prepare('SELECT id FROM visits ORDER BY id LIMIT 6').pluck().all() as string[]),
      ...(core.db.prepare('SELECT id FROM staff').pluck().all() as string[]),
    ];
  });

  it.each(handlerNames)('%s answers a typed error or a valid result, and a refusal changes nothing', async (name) => {
    const spec = contract[name];
    for (const role of ['owner', 'staff'] as const) {
      core.session.role = role;
      await fc.assert(
        fc.asyncProperty(anyInput(spec.input, ids), async (input) => {
          inputsTried += 1;
          const before = spec.mutates ? bookSnapshot(core) : '';
          const result = await core.callUnknown(name, input);
          expect(isResult(result)).toBe(true);
          if (result.ok) accepted.set(name, (accepted.get(name) ?? 0) + 1);
          if (!result.ok) {
            expect(errorCodes).toContain(result.error.code);
            expect(result.error.code, JSON.stringify(result.error)).not.toBe('INTERNAL');
            if (spec.mutates) expect(bookSnapshot(core)).toBe(before);
          }
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        }),
        { numRuns: runsPerHandler, seed: 20261123 },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);
  }, 300_000);

  it('counts what it tried, and got past validation into every handler', () => {
    expect(inputsTried).toBeGreaterThanOrEqual(handlerNames.length * runsPerHandler * 2);
    const total = [...accepted.values()].reduce((sum, count) => sum + count, 0);
    console.log(`fuzz: ${inputsTried} inputs across ${handlerNames.length} handlers, both roles; ${total} accepted`, Object.fromEntries(accepted));
    expect(handlerNames.filter((name) => !accepted.has(name))).toEqual([]);
  });
});
