import { DateTime } from 'luxon';
import type { CustomerFields, CustomerSource, NeedType } from '../../../shared/contract/customers';
import type { ContactMethod, VisitChannel } from '../../../shared/contract/visits';
import { currencyExponent } from '../../../shared/money';
import type { Db } from '../db/connection';
import { newId } from '../db/ids';
import { BulkCustomerWriter, customerParts } from '../customers';
import { setAsideIndexes } from '../db/deferred-indexes';
import { currentSettings } from '../settings';
import { insertStaff, listStaff } from '../staff';
import { rebuildDerived, rebuildDerivedThrough } from '../derive';
import { insertVisit, insertVisitSatisfaction } from '../visits';
import { seedDuplicatesAndArchive, type SeededCustomer } from './duplicates';
import { customerName, emailFor, interestPool, phoneNumber, staffNames, tagPool, visitItemPool, type NameScript } from './names';
import { Random } from './random';
import { seedComplaints } from './complaints';
import { seedTierHistory } from './loyalty';
import { seedReferrals } from './referrals';
import { seedReminderHistory } from './reminders';
import { countOpenReminders } from './reminders-queries';

export interface SeedOptions {
  customers: number;
  visits: number;
  /** The random seed: the same number gives the same book. */
  seed: number;
  /** How far back the shop's history goes. */
  days: number;
  now: Date;
}

export interface SeedSummary {
  customers: number;
  visits: number;
  contacts: number;
  walkIns: number;
  staff: number;
  /** Customers entered a second time (to try merging), and customers archived. */
  duplicates: number;
  archived: number;
  /** Reminders left to do on the seeded day (the rest of their history is done or dismissed). */
  openReminders: number;
  complaints: number;
  /** Customers brought by another customer, and the referral rewards they earned. */
  referrals: number;
  referralRewards: number;
}

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/**
 * Moves an instant to shop hours (8:00–21:00) on the same local day. The zone's current offset is
 * used for the whole history: an hour off across a DST change does not matter for demo data.
 */
const duringOpeningHours = (instant: number, offsetMs: number, fractionOfDay: number): number => {
  const localMidnight = Math.floor((instant + offsetMs) / dayMs) * dayMs;
  return localMidnight - offsetMs + 8 * hourMs + fractionOfDay * 13 * hourMs;
};

/** A typical ticket in whole currency units, so amounts look right in any currency. */
const typicalTicket: Record<string, number> = { TWD: 180, CNY: 40, HKD: 55, MOP: 55, JPY: 900, USD: 9, EUR: 8, SGD: 10 };

/** How each kind of customer behaves: gap between visits (days) and how many stop coming. */
const habits = [
  { share: 0.3, gapDays: [4, 12], lapseRate: 0.2, spend: 1.3 },
  { share: 0.35, gapDays: [18, 45], lapseRate: 0.2, spend: 1 },
  { share: 0.35, gapDays: [60, 200], lapseRate: 0.1, spend: 0.8 },
] as const;

const sources: readonly CustomerSource[] = ['walk_in', 'walk_in', 'walk_in', 'referral', 'referral', 'social_media', 'event', 'online', 'other'];
const needTypes: readonly NeedType[] = ['price', 'value', 'composite'];
const channels: readonly VisitChannel[] = ['store', 'store', 'store', 'store', 'store', 'store', 'phone', 'online', 'delivery'];
const contactMethods: readonly ContactMethod[] = ['call', 'message', 'message', 'home_visit'];

interface Plan {
  signup: number;
  lastActive: number;
  gapDays: number;
  spendMinor: number;
  mood: number;
}

const scriptFor = (country: string): NameScript => (country === 'CN' || country === 'SG' ? 'hans' : 'hant');

const poolLanguage = (language: string | null, script: NameScript): 'hant' | 'hans' | 'en' =>
  language === 'en' ? 'en' : language === 'zh-Hans' ? 'hans' : language === 'zh-Hant' ? 'hant' : script;

/**
 * Fills a book with believable demo data in one transaction: names in the shop's script, local
 * phone formats, customers with their own visit rhythm and spend (a few big spenders, many small),
 * some who stopped coming, contacts, walk-ins and satisfaction answers.
 */
export const seedBook = (db: Db, options: SeedOptions, onProgress: (done: number, total: number) => void = () => {}): SeedSummary => {
  const random = new Random(options.seed);
  const settings = currentSettings({ db });
  const script = scriptFor(settings.country);
  const pool = poolLanguage(settings.language, script);
  const end = options.now.getTime();
  const offsetMs = DateTime.fromJSDate(options.now).setZone(settings.timeZone).offset * 60_000;
  const at = (instant: number, fractionOfDay = random.next()) =>
    new Date(Math.min(duringOpeningHours(instant, offsetMs, fractionOfDay), end - 60_000)).toISOString();
  const start = end - options.days * dayMs;
  const ticket = typicalTicket[settings.currency] ?? 20;
  const ticketMinor = ticket * 10 ** currencyExponent(settings.currency);
  // Prices end in whole units where tickets are large (NT$180), in tenths where small ($8.50).
  const roundTo = ticket >= 30 ? 10 ** currencyExponent(settings.currency) : Math.max(1, 10 ** (currencyExponent(settings.currency) - 1));

  return withRoomInCache(db, () => db.transaction((): SeedSummary => {
    const staffIds = ensureStaff(db, staffNames[pool], options.now.toISOString());

    const plans: Plan[] = [];
    for (let i = 0; i < options.customers; i += 1) {
      const roll = random.next();
      const habit = roll < habits[0].share ? habits[0] : roll < habits[0].share + habits[1].share ? habits[1] : habits[2];
      const signup = start + random.next() * (end - start);
      const gapDays = random.int(habit.gapDays[0], habit.gapDays[1]);
      const lapsed = random.chance(habit.lapseRate);
      const lastActive = lapsed ? signup + random.next() * Math.max(0, end - signup - 3 * gapDays * dayMs) : end;
      plans.push({ signup, lastActive, gapDays, spendMinor: ticketMinor * habit.spend * random.logNormal(1, 0.6), mood: random.next() });
    }
    const naturalCounts = plans.map((plan) => 1 + (plan.lastActive - plan.signup) / (plan.gapDays * dayMs));
    const walkIns = Math.round(options.visits * 0.05);
    const customerVisits = options.visits - walkIns;
    const scale = customerVisits / Math.max(1, naturalCounts.reduce((sum, count) => sum + count, 0));
    const counts = naturalCounts.map((count) => Math.max(options.visits > 0 ? 1 : 0, Math.round(count * scale)));
    balanceTo(counts, options.customers > 0 ? customerVisits : 0);

    // Customers and their visits go in through the bulk writers' path: indexes and the search
    // entries are built once, in key order, when all rows are in (not row by row).
    const customers = new BulkCustomerWriter(db, options.customers);
    const rebuildVisitIndexes = setAsideIndexes(db, ['visits', 'satisfaction_answers']);
    const seeded: SeededCustomer[] = [];
    const total = options.customers + options.visits;
    let done = 0;
    let contacts = 0;
    const report = () => {
      if (done % 5000 === 0) onProgress(done, total);
    };

    plans.forEach((plan, index) => {
      const customerId = newId();
      // Signed up at opening time of their first day, so no visit that day comes before it.
      const createdAt = at(plan.signup, 0);
      const fields = customerFields(random, index, script, pool, settings.country, staffIds);
      const rid = customers.add(customerId, fields, customerParts(fields, settings.country).phones, createdAt, createdAt);
      // Their visits follow at once and point at them.
      customers.writePending();
      seeded.push({ id: customerId, rid });
      done += 1;
      report();

      const count = counts[index] ?? 0;
      const span = Math.max(0, plan.lastActive - plan.signup);
      for (let v = 0; v < count; v += 1) {
        // Evenly spread over the customer's active span, each visit nudged within its own slot.
        const slot = count > 1 ? (v + 0.5 + (random.next() - 0.5) * 0.8) / count : 0;
        const occurredAt = at(plan.signup + span * slot);
        writeVisit(db, random, { customerId, occurredAt, plan, staffIds, pool, roundTo });
        done += 1;
        report();
        if (random.chance(0.03)) {
          const contactAt = at(plan.signup + span * Math.min(1, slot + 0.5 / count));
          insertVisit(db, {
            id: newId(),
            customer_id: customerId,
            kind: 'contact',
            occurred_at: contactAt,
            amount_minor: null,
            channel: random.pick(contactMethods),
            items: '',
            note: '',
            staff_id: random.pick(staffIds),
            created_at: contactAt,
          });
          contacts += 1;
        }
      }
    });

    for (let w = 0; w < walkIns; w += 1) {
      const occurredAt = at(start + random.next() * (end - start));
      insertVisit(db, {
        id: newId(),
        customer_id: null,
        kind: 'visit',
        occurred_at: occurredAt,
        amount_minor: roundAmount(ticketMinor * random.logNormal(0.8, 0.4), roundTo),
        channel: 'store',
        items: random.pick(visitItemPool[pool]),
        note: '',
        staff_id: random.pick(staffIds),
        created_at: occurredAt,
      });
      done += 1;
      report();
    }
    customers.finish();
    // The seed's later steps look customers up: their indexes are back before them.
    customers.restoreIndexes();
    rebuildVisitIndexes();

    const mess = seedDuplicatesAndArchive(db, random, seeded, { country: settings.country, script, end });
    rebuildDerivedThrough({ db, now: () => options.now }, 'activity');
    // Before the reminder history, whose generation raises the complaints' deadline and follow-up reminders.
    const complaints = seedComplaints(db, random, {
      customerIds: seeded.map((customer) => customer.id),
      staffIds,
      pool,
      start,
      end,
      ticketMinor,
      duringOpeningHours: (instant) => at(instant),
    });
    seedReminderHistory(db, random, { now: options.now, pool, staffIds, customers: options.customers });
    const referrals = seedReferrals(db, random, { now: options.now, staffIds, ticketMinor, pool });
    // Tiers and quadrants need the lapse days and lost marks the reminders' history settled; then
    // the Destroyers found get their green-channel reminders.
    rebuildDerived({ db, now: () => options.now }, { bulk: true });
    seedTierHistory(db, options.now, settings.timeZone);
    onProgress(total, total);
    return {
      customers: options.customers,
      visits: options.visits,
      contacts,
      walkIns,
      staff: staffIds.length,
      ...mess,
      openReminders: countOpenReminders(db),
      complaints,
      referrals: referrals.referrals,
      referralRewards: referrals.rewards,
    };
  }).immediate());
};

/** Up to 1 GiB of page cache (a negative cache_size is KiB), taken only as pages are touched. */
const seedCacheSize = -1_048_576;

/**
 * The seed is one transaction writing a whole book: with the connection's usual cache, changed
 * pages spill to the disk part-way and are read back again. The cache is set back afterwards.
 */
const withRoomInCache = <T>(db: Db, work: () => T): T => {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${seedCacheSize}`);
  try {
    return work();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
};

const roundAmount = (minor: number, roundTo: number): number => Math.max(roundTo, Math.round(minor / roundTo) * roundTo);

/** Makes the per-customer counts add up to exactly `target`, adjusting the largest first. */
const balanceTo = (counts: number[], target: number): void => {
  let difference = target - counts.reduce((sum, count) => sum + count, 0);
  const order = counts.map((_, index) => index).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
  for (let i = 0; difference !== 0 && order.length > 0; i = (i + 1) % order.length) {
    const index = order[i] ?? 0;
    if (difference > 0) {
      counts[index] = (counts[index] ?? 0) + 1;
      difference -= 1;
    } else if ((counts[index] ?? 0) > 1) {
      counts[index] = (counts[index] ?? 0) - 1;
      difference += 1;
    } else if (i === order.length - 1) {
      break;
    }
  }
};

const ensureStaff = (db: Db, names: readonly string[], createdAt: string): string[] => {
  const existing = listStaff(db, false);
  if (existing.length > 0) return existing.map((member) => member.id);
  return names.map((name) => {
    const id = newId();
    insertStaff(db, id, name, createdAt);
    return id;
  });
};

const customerFields = (
  random: Random,
  index: number,
  script: NameScript,
  pool: 'hant' | 'hans' | 'en',
  country: string,
  staffIds: readonly string[],
): CustomerFields => ({
  name: customerName(random, script),
  phones: random.chance(0.93) ? [phoneNumber(random, country), ...(random.chance(0.08) ? [phoneNumber(random, country)] : [])] : [],
  email: random.chance(0.35) ? emailFor(random, index) : '',
  birthday: random.chance(0.6)
    ? { month: random.int(1, 12), day: random.int(1, 28), year: random.chance(0.4) ? random.int(1950, 2008) : null }
    : null,
  address: '',
  gender: random.chance(0.5) ? random.pick(['female', 'male'] as const) : null,
  tags: random.chance(0.3) ? [random.pick(tagPool[pool])] : [],
  interests: random.chance(0.4) ? [random.pick(interestPool[pool]), ...(random.chance(0.3) ? [random.pick(interestPool[pool])] : [])] : [],
  notes: '',
  source: random.pick(sources),
  needType: random.chance(0.5) ? random.pick(needTypes) : null,
  ownerStaffId: random.chance(0.4) ? random.pick(staffIds) : null,
  consentToContact: random.chance(0.7),
});

const writeVisit = (
  db: Db,
  random: Random,
  visit: { customerId: string; occurredAt: string; plan: Plan; staffIds: readonly string[]; pool: 'hant' | 'hans' | 'en'; roundTo: number },
): void => {
  const id = newId();
  const staffId = random.pick(visit.staffIds);
  insertVisit(db, {
    id,
    customer_id: visit.customerId,
    kind: 'visit',
    occurred_at: visit.occurredAt,
    amount_minor: random.chance(0.95) ? roundAmount(visit.plan.spendMinor * random.logNormal(1, 0.35), visit.roundTo) : null,
    channel: random.pick(channels),
    items: random.chance(0.6) ? random.pick(visitItemPool[visit.pool]) : '',
    note: '',
    staff_id: staffId,
    created_at: visit.occurredAt,
  });
  if (random.chance(0.15)) {
    const level = visit.plan.mood < 0.1 ? 0 : visit.plan.mood < 0.45 ? 1 : visit.plan.mood < 0.85 ? 2 : 3;
    insertVisitSatisfaction(db, {
      id: newId(),
      customerId: visit.customerId,
      level,
      visitId: id,
      answeredAt: visit.occurredAt,
      staffId,
      createdAt: visit.occurredAt,
    });
  }
};
