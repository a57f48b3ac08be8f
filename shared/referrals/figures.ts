/** The texts this product comes from put about 60% of a shop's new customers down to referrals. */
export const referralShareBenchmark = 0.6;

export interface MonthCount {
  /** YYYY-MM, shop-local. */
  month: string;
  newCustomers: number;
  referred: number;
}

export interface MonthShare extends MonthCount {
  /** referred / newCustomers; null for a month without new customers. */
  share: number | null;
}

/**
 * The share of new customers who came by referral, per month, every month present (a month the
 * book has no row for counts zero, and its share is null rather than 0%).
 */
export const monthlyReferralShare = (months: readonly string[], counts: readonly MonthCount[]): MonthShare[] => {
  const byMonth = new Map(counts.map((count) => [count.month, count]));
  return months.map((month) => {
    const count = byMonth.get(month);
    const newCustomers = count?.newCustomers ?? 0;
    const referred = Math.min(count?.referred ?? 0, newCustomers);
    return { month, newCustomers, referred, share: newCustomers === 0 ? null : referred / newCustomers };
  });
};
