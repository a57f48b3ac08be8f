import type { LoyaltySignalKind } from './signal';
import { feedbackSignal } from './signals/feedback';
import { referralsSignal } from './signals/referrals';
import { satisfactionSignal } from './signals/satisfaction';
import { steadyRhythmSignal } from './signals/steady-rhythm';
import { tenureSignal } from './signals/tenure';

/**
 * Every source of non-monetary points, in the order the profile explains them. A feature adds its
 * signal with one line here (and its points query in electron/core/loyalty/signals.ts).
 */
export const loyaltySignalKinds: readonly LoyaltySignalKind[] = [steadyRhythmSignal, tenureSignal, referralsSignal, satisfactionSignal, feedbackSignal];

const byName = new Map(loyaltySignalKinds.map((kind) => [kind.name, kind]));

export const loyaltySignalKind = (name: string): LoyaltySignalKind | undefined => byName.get(name);
