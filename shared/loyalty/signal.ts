import type { Language } from '../locale';

/** What a signal found for one customer, kept so the profile can say it in words. */
export type SignalFacts = Record<string, number | string>;

export interface SignalPoints {
  signal: string;
  points: number;
  facts: SignalFacts;
}

/**
 * One source of non-monetary points, as both sides see it: its name in the book, which axis of the
 * loyalty matrix it feeds and the line the profile shows. A feature adds a signal by writing one of
 * these, listing it in `loyaltySignalKinds` (signals.ts), and registering its points query in the
 * core (electron/core/loyalty/signals.ts).
 */
export interface LoyaltySignalKind {
  /** Stored in the book; never renamed. Lowercase with underscores. */
  name: string;
  /**
   * 'loyalty': the points also count on the loyalty axis (repeat behaviour, tenure, referrals);
   * 'satisfaction': they lift the tier only (the satisfaction axis reads the answers themselves).
   */
  axis: 'loyalty' | 'satisfaction';
  /** One line for the profile, e.g. "+1 steady rhythm: every 9 days". */
  explain(language: Language, signal: SignalPoints): string;
}

export const numberOf = (facts: SignalFacts, key: string): number => {
  const value = facts[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};

export const signedPoints = (points: number): string => (points > 0 ? `+${points}` : String(points));
