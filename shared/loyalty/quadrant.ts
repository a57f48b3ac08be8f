/**
 * The satisfaction × loyalty matrix: Apostle (satisfied and loyal), Mercenary (satisfied, not
 * loyal), Hostage (loyal, not satisfied), Destroyer (neither). Pure rules, tested by hand-worked cases.
 */

export const quadrants = ['apostle', 'mercenary', 'hostage', 'destroyer'] as const;
export type Quadrant = (typeof quadrants)[number];

/** How many of a customer's latest answers the satisfaction axis averages. */
export const satisfactionWindow = 5;

/**
 * The satisfaction axis, 0–3, from the customer's latest answers (newest first) on the three-level
 * scale plus "not satisfied"; null when they were never asked. Answers after a complaint count too.
 */
export const satisfactionScore = (levelsNewestFirst: readonly number[]): number | null => {
  const recent = levelsNewestFirst.slice(0, satisfactionWindow);
  if (recent.length === 0) return null;
  return recent.reduce((sum, level) => sum + level, 0) / recent.length;
};

export interface LoyaltyInputs {
  /** Visits in the trailing twelve months: repeat behaviour. */
  visits12m: number;
  /** Non-monetary points from loyalty signals (rhythm, tenure, referrals — not satisfaction). */
  loyaltyPoints: number;
  /** Stayed away past their own rhythm: loyal no longer, whatever they did before. */
  lapsed: boolean;
}

/** Visiting about every two months counts as fully repeat behaviour. */
const fullRepeatVisits = 6;
/** Three loyalty points (e.g. steady rhythm and years with the shop) fill the other half. */
const fullLoyaltyPoints = 3;

/** The loyalty axis, 0–1: repeat visits weigh 60%, loyalty points 40%; halved while lapsed. */
export const loyaltyScore = ({ visits12m, loyaltyPoints, lapsed }: LoyaltyInputs): number => {
  const repeat = Math.min(1, Math.max(0, visits12m) / fullRepeatVisits);
  const points = Math.min(1, Math.max(0, loyaltyPoints) / fullLoyaltyPoints);
  const score = 0.6 * repeat + 0.4 * points;
  return lapsed ? score / 2 : score;
};

/** Satisfied from an average of level 1 ("I'm satisfied"); loyal from half the loyalty axis. */
export const satisfiedFrom = 1;
export const loyalFrom = 0.5;

/** Null when the customer never answered: without the satisfaction axis there is no quadrant. */
export const quadrantOf = (satisfaction: number | null, loyalty: number): Quadrant | null => {
  if (satisfaction === null) return null;
  const satisfied = satisfaction >= satisfiedFrom;
  const loyal = loyalty >= loyalFrom;
  if (satisfied) return loyal ? 'apostle' : 'mercenary';
  return loyal ? 'hostage' : 'destroyer';
};
