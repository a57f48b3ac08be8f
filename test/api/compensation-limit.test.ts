import { describe, expect, it } from 'vitest';
import { callOk, freshCore } from '../support/core';

describe('the staff compensation limit a book starts with', () => {
  it('means about the same in every currency, and follows the currency until the owner sets it', async () => {
    const core = freshCore({ systemLocales: ['zh-TW'] });
    expect((await callOk(core, 'complaints-settings-get', {})).compensationLimitMinor).toBe(500_00);
    await callOk(core, 'settings-update', { currency: 'USD' });
    expect((await callOk(core, 'complaints-settings-get', {})).compensationLimitMinor).toBe(20_00);
    await callOk(core, 'settings-update', { currency: 'JPY' });
    expect((await callOk(core, 'complaints-settings-get', {})).compensationLimitMinor).toBe(3000);
    await callOk(core, 'complaints-settings-update', { compensationLimitMinor: 5000 });
    await callOk(core, 'settings-update', { currency: 'TWD' });
    expect((await callOk(core, 'complaints-settings-get', {})).compensationLimitMinor).toBe(5000);
  });
});
