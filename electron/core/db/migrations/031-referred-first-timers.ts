import type { Migration } from './types';

/** Drops the kept figures of the month holding a customer's first visit (none when they have not come yet). */
const forgetFirstVisitOf = (customerId: string): string => {
  const firstVisit = `(SELECT first_visit_at FROM customers WHERE id = ${customerId})`;
  return `DELETE FROM visit_month_figures WHERE ${firstVisit} >= from_at AND ${firstVisit} < to_at;`;
};

/**
 * The dashboard drew two different "new customers" side by side: its flow chart counted first
 * visits (customers still in the book), its referral share counted customers added to the book
 * (archived ones too), with referrals dated by when they were noted. A file of phone contacts
 * imported in a month made that month's share fall towards nothing, and a referral noted in March
 * for a January customer counted in March. Each month now keeps how many of its first-timers were
 * referred, beside the first-timers themselves, and both charts (and the Referrals screen) read them.
 *
 * The kept months are forgotten so each is counted again with the new figure (a few dozen rows,
 * recounted by the next write, dashboard read or full pass), and a referral added, removed or moved
 * to another customer forgets the month of that customer's first visit.
 */
export const migration031: Migration = {
  version: 31,
  name: 'referred first-timers kept per month',
  up: (db) => {
    db.exec(`
      DELETE FROM visit_month_figures;
      ALTER TABLE visit_month_figures ADD COLUMN referred_new_customers INTEGER NOT NULL DEFAULT 0;
      CREATE TRIGGER visit_month_figures_referral_added AFTER INSERT ON referrals
      BEGIN ${forgetFirstVisitOf('NEW.customer_id')} END;
      CREATE TRIGGER visit_month_figures_referral_removed AFTER DELETE ON referrals
      BEGIN ${forgetFirstVisitOf('OLD.customer_id')} END;
      CREATE TRIGGER visit_month_figures_referral_moved AFTER UPDATE OF customer_id ON referrals
      WHEN OLD.customer_id IS NOT NEW.customer_id
      BEGIN ${forgetFirstVisitOf('OLD.customer_id')} ${forgetFirstVisitOf('NEW.customer_id')} END;
    `);
  },
};
