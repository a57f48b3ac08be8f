import { describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../shared/contract/customers';
import { defaultChoices, differs, mergedFields } from '../../shared/merge-fields';

const customer = (fields: Partial<CustomerDetail>): CustomerDetail => ({
  id: 'x',
  name: '',
  phones: [],
  email: '',
  birthday: null,
  address: '',
  gender: null,
  tags: [],
  interests: [],
  notes: '',
  source: null,
  needType: null,
  ownerStaffId: null,
  consentToContact: false,
  createdAt: '',
  updatedAt: '',
  archivedAt: null,
  firstVisitAt: null,
  lastVisitAt: null,
  lastContactAt: null,
  visitCount: 0,
  revenueMinor: null,
  ...fields,
});

describe('composing a merged customer', () => {
  const kept = customer({
    name: '王小明',
    phones: [{ display: '0912-345-678', e164: '+886912345678' }],
    tags: ['VIP'],
    notes: 'oat milk',
    consentToContact: true,
  });
  const absorbed = customer({
    name: '王曉明',
    phones: [{ display: '+886 912 345 678', e164: '+886912345678' }, { display: '0933 000 111', e164: '+886933000111' }],
    email: 'xm@example.com',
    tags: ['vip', 'Regular'],
    notes: 'birthday in May',
    source: 'referral',
  });

  it('keeps the survivor’s values, fills its gaps from the other record, and takes both lists', () => {
    const choices = defaultChoices(kept, absorbed);
    expect(choices).toMatchObject({ name: 'survivor', email: 'absorbed', phones: 'both', tags: 'both', notes: 'both', source: 'absorbed', consentToContact: 'survivor' });
    expect(mergedFields(kept, absorbed, choices)).toMatchObject({
      name: '王小明',
      email: 'xm@example.com',
      phones: ['0912-345-678', '0933 000 111'],
      tags: ['VIP', 'Regular'],
      notes: 'oat milk\n\nbirthday in May',
      source: 'referral',
      consentToContact: true,
    });
  });

  it('tells the same number written two ways as the same phones, not as a difference to choose', () => {
    const sameNumber = customer({ phones: [{ display: '+886 912 345 678', e164: '+886912345678' }] });
    expect(differs(kept, sameNumber, 'phones')).toBe(false);
    expect(defaultChoices(kept, sameNumber).phones).toBe('survivor');
    expect(mergedFields(kept, sameNumber, defaultChoices(kept, sameNumber)).phones).toEqual(['0912-345-678']);
    expect(differs(kept, absorbed, 'phones')).toBe(true);
  });

  it('takes exactly one side where the owner says so', () => {
    const choices = { ...defaultChoices(kept, absorbed), name: 'absorbed' as const, phones: 'survivor' as const, tags: 'absorbed' as const };
    expect(mergedFields(kept, absorbed, choices)).toMatchObject({ name: '王曉明', phones: ['0912-345-678'], tags: ['vip', 'Regular'] });
  });
});
