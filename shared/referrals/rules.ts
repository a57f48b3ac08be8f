/**
 * The referral rules both sides use: who may refer whom, when a purchase earns the reward, and
 * what a reward may become. Pure: the core feeds them what it read from the book.
 */

export const rewardKinds = ['discount', 'gift', 'points', 'thanks'] as const;
/** discount: money off (value in minor units); points: loyalty points (value); gift: described in words; thanks: a thank-you only. */
export type RewardKind = (typeof rewardKinds)[number];

/** How far up a referrer chain the cycle check walks; a real chain of people is far shorter. */
export const maxChainLength = 10_000;

/** Why a referrer cannot be set. */
export type ReferrerRefusal = 'referral_self' | 'referral_cycle';

/**
 * Checks that `referrerId` may become the referrer of `customerId`: not the customer themselves,
 * and not anyone the customer brought (directly or down the chain), which would close a loop.
 * `referrerOf` answers each customer's current referrer.
 */
export const referrerRefusal = (customerId: string, referrerId: string, referrerOf: (id: string) => string | null): ReferrerRefusal | null => {
  if (customerId === referrerId) return 'referral_self';
  let current: string | null = referrerId;
  for (let steps = 0; current !== null && steps < maxChainLength; steps += 1) {
    current = referrerOf(current);
    if (current === customerId) return 'referral_cycle';
  }
  return null;
};

/**
 * A purchase qualifies when it reaches the minimum. With no minimum (0) any visit counts, even one
 * logged without an amount; with a minimum the amount must be logged and reach it.
 */
export const qualifiesForReward = (amountMinor: number | null, minimumMinor: number): boolean =>
  minimumMinor === 0 || (amountMinor !== null && amountMinor >= minimumMinor);

/** pending: referred, no qualifying purchase yet; earned: to hand over; given and void are final. */
export const rewardStates = ['pending', 'earned', 'given', 'void'] as const;
export type RewardState = (typeof rewardStates)[number];

/** `take_back`: "marked given" by mistake, undone right away — the reward is to hand over again. */
export type RewardEvent = { kind: 'qualifying_purchase' } | { kind: 'give' } | { kind: 'void' } | { kind: 'take_back' };

export type RewardRefusal = 'reward_not_earned' | 'reward_already_given' | 'reward_already_void' | 'reward_not_given';

/** The reward state machine: pending → earned → given, or earned → void. Anything else is refused. */
export const nextRewardState = (state: RewardState, event: RewardEvent): { ok: true; state: RewardState } | { ok: false; reason: RewardRefusal } => {
  if (event.kind === 'take_back') return state === 'given' ? { ok: true, state: 'earned' } : { ok: false, reason: 'reward_not_given' };
  if (state === 'given') return { ok: false, reason: 'reward_already_given' };
  if (state === 'void') return { ok: false, reason: 'reward_already_void' };
  if (state === 'pending') return event.kind === 'qualifying_purchase' ? { ok: true, state: 'earned' } : { ok: false, reason: 'reward_not_earned' };
  // earned: a second qualifying purchase changes nothing; the reward is earned once.
  if (event.kind === 'qualifying_purchase') return { ok: true, state: 'earned' };
  return { ok: true, state: event.kind === 'give' ? 'given' : 'void' };
};
