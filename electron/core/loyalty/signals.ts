import type { LoyaltySignalSource } from './signal-source';
import { feedbackPoints } from './signals/feedback';
import { referralsPoints } from './signals/referrals';
import { satisfactionPoints } from './signals/satisfaction';
import { steadyRhythmPoints } from './signals/steady-rhythm';
import { tenurePoints } from './signals/tenure';

/**
 * Where non-monetary points come from, one source per signal. A feature adds its own with one line
 * here (and its kind, with the profile's explanation, in shared/loyalty/signals.ts).
 */
export const loyaltySignalSources: readonly LoyaltySignalSource[] = [steadyRhythmPoints, tenurePoints, referralsPoints, satisfactionPoints, feedbackPoints];
