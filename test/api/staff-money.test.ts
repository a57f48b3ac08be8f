import { describe, expect, it } from 'vitest';
import { contract, handlerNames, type HandlerName } from '../../shared/contract';
import { callOk, freshCore, setUpOwner } from '../support/core';

/** Keys that would carry money totals or lifetime values: staff must never receive a value under them. */
const moneyTotal = /revenue|lifetime|spend|total.*minor/i;

const moneyTotalsIn = (value: unknown, path = ''): string[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => moneyTotalsIn(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(moneyTotal.test(key) && inner !== null ? [`${path}.${key}`] : []),
    ...moneyTotalsIn(inner, `${path}.${key}`),
  ]);
};

describe('what staff see of the money', () => {
  it('no handler staff may call answers a revenue total or lifetime value', async () => {
    const core = freshCore();
    const customer = await callOk(core, 'customers-create', { name: 'Ada', phones: ['0912 345 678'] });
    const visit = await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 120_000 });
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 80_000 });
    await setUpOwner(core);
    const samples: Partial<Record<HandlerName, unknown>> = {
      'customers-get': { id: customer.id },
      'customers-search': { query: 'ada' },
      'customers-list': {},
      'customers-find-duplicates': { name: 'Ada' },
      'customers-update': { id: customer.id, fields: { name: 'Ada', phones: ['0912 345 678'] } },
      'customers-create': { name: 'Ben' },
      'customers-timeline': { id: customer.id },
      'visits-recent': {},
      'visits-log': { customerId: customer.id, amountMinor: 100 },
      'visits-log-contact': { customerId: customer.id, method: 'call' },
      'visits-archive': { id: visit.id },
      'visits-unarchive': { id: visit.id },
      'session-get': {},
      'settings-get': {},
      'staff-list': {},
      'app-info': {},
    };
    const staffHandlers = handlerNames.filter((name) => contract[name].access === 'staff');
    const answered: string[] = [];
    for (const name of staffHandlers) {
      const result = await core.callUnknown(name, samples[name] ?? {});
      if (!result.ok) continue;
      answered.push(name);
      expect(moneyTotalsIn(result.value), name).toEqual([]);
    }
    // The samples reach every reading handler, so the check above is not vacuous.
    expect(answered).toEqual(expect.arrayContaining(Object.keys(samples)));
    await callOk(core, 'auth-unlock', { pin: '2580' });
    expect(moneyTotalsIn(await callOk(core, 'customers-get', { id: customer.id }))).toEqual(['.revenueMinor']);
  });
});
