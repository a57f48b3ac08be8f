import { describe, expect, it } from 'vitest';
import { monthlyReferralShare } from '../../shared/referrals/figures';
import { nextRewardState, qualifiesForReward, referrerRefusal } from '../../shared/referrals/rules';

const chain = (links: Record<string, string>) => (id: string) => links[id] ?? null;

describe('who may refer whom', () => {
  it('refuses a customer as their own referrer', () => {
    expect(referrerRefusal('amy', 'amy', chain({}))).toBe('referral_self');
  });

  it('refuses a referrer the customer brought, directly or down the chain', () => {
    // amy brought ben, ben brought cat.
    const links = chain({ ben: 'amy', cat: 'ben' });
    expect(referrerRefusal('amy', 'ben', links)).toBe('referral_cycle');
    expect(referrerRefusal('amy', 'cat', links)).toBe('referral_cycle');
  });

  it('allows anyone outside the customer’s own tree, including their own referrer’s referrer', () => {
    const links = chain({ ben: 'amy', cat: 'ben', amy: 'zoe' });
    expect(referrerRefusal('cat', 'amy', links)).toBeNull();
    expect(referrerRefusal('ben', 'dan', links)).toBeNull();
    expect(referrerRefusal('amy', 'dan', links)).toBeNull();
  });

  it('stops walking a damaged chain that already loops', () => {
    expect(referrerRefusal('amy', 'ben', chain({ ben: 'cat', cat: 'ben' }))).toBeNull();
  });
});

describe('the reward state machine', () => {
  it('goes pending → earned on the first qualifying purchase, then given or void', () => {
    expect(nextRewardState('pending', { kind: 'qualifying_purchase' })).toEqual({ ok: true, state: 'earned' });
    expect(nextRewardState('earned', { kind: 'give' })).toEqual({ ok: true, state: 'given' });
    expect(nextRewardState('earned', { kind: 'void' })).toEqual({ ok: true, state: 'void' });
  });

  it('cannot hand over or void a reward that was not earned', () => {
    expect(nextRewardState('pending', { kind: 'give' })).toEqual({ ok: false, reason: 'reward_not_earned' });
    expect(nextRewardState('pending', { kind: 'void' })).toEqual({ ok: false, reason: 'reward_not_earned' });
  });

  it('keeps given and void final', () => {
    for (const event of [{ kind: 'give' }, { kind: 'void' }, { kind: 'qualifying_purchase' }] as const) {
      expect(nextRewardState('given', event)).toEqual({ ok: false, reason: 'reward_already_given' });
      expect(nextRewardState('void', event)).toEqual({ ok: false, reason: 'reward_already_void' });
    }
  });

  it('earns once: another purchase leaves an earned reward as it is', () => {
    expect(nextRewardState('earned', { kind: 'qualifying_purchase' })).toEqual({ ok: true, state: 'earned' });
  });

  it('qualifies a purchase at the minimum; without a minimum any visit qualifies', () => {
    expect(qualifiesForReward(50_000, 50_000)).toBe(true);
    expect(qualifiesForReward(49_999, 50_000)).toBe(false);
    expect(qualifiesForReward(null, 50_000)).toBe(false);
    expect(qualifiesForReward(null, 0)).toBe(true);
  });
});

describe('the monthly referral share', () => {
  it('divides referred by new customers per month; an empty month has no share, not 0%', () => {
    const months = monthlyReferralShare(['2026-01', '2026-02', '2026-03'], [
      { month: '2026-01', newCustomers: 10, referred: 6 },
      { month: '2026-03', newCustomers: 4, referred: 0 },
    ]);
    expect(months).toEqual([
      { month: '2026-01', newCustomers: 10, referred: 6, share: 0.6 },
      { month: '2026-02', newCustomers: 0, referred: 0, share: null },
      { month: '2026-03', newCustomers: 4, referred: 0, share: 0 },
    ]);
  });
});
