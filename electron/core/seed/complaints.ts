import type { ComplaintCategory, ComplaintChannel, CompensationKind } from '../../../shared/contract/complaints';
import { deadlineAfter, type Severity } from '../../../shared/complaints/deadlines';
import { isMissed, outcomeWhenMet } from '../../../shared/complaints/promises';
import { insertComplaint, insertComplaintSatisfaction, insertPromise, insertTransition, openingHoursOf, promiseHours, readComplaintSettings, settlePromiseRow, updateComplaint, updateEscalation } from '../complaints';
import type { Db } from '../db/connection';
import { newId } from '../db/ids';
import { shopTimeZone } from '../reminders';
import type { Random } from './random';

type Pool = 'hant' | 'hans' | 'en';

/** One complaint for every five customers, as in the bench book (20,000 for 100,000). */
export const complaintsPerCustomer = 0.2;

const hourMs = 3_600_000;

const descriptions: Record<ComplaintCategory, Record<Pool, readonly string[]>> = {
  product_quality: {
    hant: ['拿鐵的牛奶是酸的', '蛋糕不新鮮，邊緣乾掉了', '買回去的豆子有焦味'],
    hans: ['拿铁的牛奶是酸的', '蛋糕不新鲜，边缘干掉了', '买回去的豆子有焦味'],
    en: ['The milk in the latte was sour', 'The cake was stale at the edges', 'The beans taste burnt'],
  },
  price: {
    hant: ['結帳重複刷了兩次', '會員折扣沒有算進去'],
    hans: ['结账重复刷了两次', '会员折扣没有算进去'],
    en: ['Charged twice at the till', 'The member discount was not applied'],
  },
  service_attitude: {
    hant: ['店員態度冷淡，沒有打招呼', '點錯餐還被說是我講錯'],
    hans: ['店员态度冷淡，没有打招呼', '点错餐还被说是我讲错'],
    en: ['Staff were curt and did not greet us', 'Got the wrong order and was told it was my fault'],
  },
  slow_response: {
    hant: ['外送等了一個多小時', '訊息詢問三天沒有回覆'],
    hans: ['外送等了一个多小时', '消息询问三天没有回复'],
    en: ['Waited over an hour for delivery', 'Asked by message, no answer for three days'],
  },
  missing_product: {
    hant: ['說好預留的禮盒賣完了', '沒有燕麥奶可以換'],
    hans: ['说好预留的礼盒卖完了', '没有燕麦奶可以换'],
    en: ['The gift box we reserved was sold out', 'No oat milk to swap in'],
  },
  environment: {
    hant: ['座位旁的冷氣一直滴水', '洗手間沒有衛生紙'],
    hans: ['座位旁的空调一直滴水', '洗手间没有卫生纸'],
    en: ['The air conditioner dripped on our table', 'No paper in the restroom'],
  },
  other: {
    hant: ['停車位被店家貨車擋住'],
    hans: ['停车位被店家货车挡住'],
    en: ['The shop’s van blocked the parking space'],
  },
};

const resolutions: Record<Pool, readonly string[]> = {
  hant: ['當場重做並致歉', '已全額退款', '送上招待券，下次來店使用', '已向店員說明並改進流程'],
  hans: ['当场重做并致歉', '已全额退款', '送上招待券，下次到店使用', '已向店员说明并改进流程'],
  en: ['Remade on the spot with an apology', 'Refunded in full', 'Gave a voucher for the next visit', 'Talked it through with the team and changed the routine'],
};

const weighted = <T>(random: Random, entries: readonly [T, number][]): T => {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
};

const categoryWeights: readonly [ComplaintCategory, number][] = [
  ['product_quality', 30],
  ['service_attitude', 20],
  ['slow_response', 15],
  ['price', 12],
  ['missing_product', 10],
  ['environment', 8],
  ['other', 5],
];
const severityWeights: readonly [Severity, number][] = [
  ['low', 50],
  ['medium', 35],
  ['high', 15],
];
const channelWeights: readonly [ComplaintChannel, number][] = [
  ['in_person', 55],
  ['phone', 20],
  ['message', 15],
  ['online', 8],
  ['other', 2],
];
const compensationKindsSeeded: readonly CompensationKind[] = ['redo', 'voucher', 'refund', 'discount', 'gift'];

const iso = (ms: number): string => new Date(ms).toISOString();

export interface ComplaintSeedOptions {
  customerIds: readonly string[];
  staffIds: readonly string[];
  pool: Pool;
  start: number;
  end: number;
  /** A typical ticket, for compensation amounts. */
  ticketMinor: number;
  /** An instant moved into the shop's opening hours on its day (complaints come in while the shop is open). */
  duringOpeningHours: (instant: number) => string;
}

/**
 * Complaints over the shop's history: mostly answered within the promise, some late; the older
 * ones resolved, followed up and closed, the newest still in hand; a few repeat complainers, a
 * few anonymous; compensation now and then, the large ones approved by the owner.
 */
export const seedComplaints = (db: Db, random: Random, options: ComplaintSeedOptions): number => {
  const count = Math.round(options.customerIds.length * complaintsPerCustomer);
  const settings = readComplaintSettings(db);
  const zone = shopTimeZone(db);
  const openingHours = openingHoursOf(settings);
  const now = options.end;
  const frequent = options.customerIds.slice(0, Math.max(1, Math.round(options.customerIds.length / 50)));
  for (let i = 0; i < count; i += 1) {
    const id = newId();
    const severity = weighted(random, severityWeights);
    const category = weighted(random, categoryWeights);
    // One in twenty-five came in over the last day and a half and is still in hand.
    const recent = random.chance(0.04);
    const roughly = recent ? options.end - random.next() * 36 * hourMs : options.start + Math.pow(random.next(), 0.8) * (options.end - options.start - hourMs);
    const receivedAt = options.duringOpeningHours(roughly);
    const received = Date.parse(receivedAt);
    const hours = promiseHours(settings, severity);
    const replyDue = deadlineAfter(receivedAt, hours.reply, zone, openingHours);
    const resolveDue = deadlineAfter(receivedAt, hours.resolve, zone, openingHours);
    // Mostly within the promise; one in six late.
    const replyAt = received + (random.chance(0.83) ? random.next() * 0.9 : 1 + random.next()) * (Date.parse(replyDue) - received);
    const resolveAt = Math.max(replyAt, received + (random.chance(0.8) ? 0.2 + random.next() * 0.75 : 1 + random.next() * 1.5) * (Date.parse(resolveDue) - received));
    const followUpAt = resolveAt + (settings.followUpDays + random.next() * 2) * 24 * hourMs;
    const closeAt = followUpAt + random.next() * 24 * hourMs;
    // Some customers complain again and again: a quarter of the complaints come from one in fifty customers.
    const customerId = random.chance(0.12) ? null : random.chance(0.25) ? random.pick(frequent) : random.pick(options.customerIds);
    const staffId = random.pick(options.staffIds);
    const replied = replyAt <= now;
    const resolved = resolveAt <= now;
    const followedUp = resolved && followUpAt <= now && random.chance(0.7);
    const closed = resolved && closeAt <= now && (followedUp ? random.chance(0.8) : random.chance(0.5));
    const state = closed ? 'closed' : followedUp ? 'followed_up' : resolved ? 'resolved' : replied ? 'acknowledged' : 'open';
    const compensated = resolved && random.chance(0.3);
    const big = compensated && random.chance(0.1);
    const compensationMinor = compensated ? Math.round((big ? 2 + random.next() * 3 : 0.3 + random.next()) * options.ticketMinor) : null;
    const escalated = big && compensationMinor !== null && compensationMinor > settings.compensationLimitMinor;
    const answerId = followedUp && random.chance(0.85) ? newId() : null;
    const replyId = newId();
    const resolveId = newId();
    // The answer first: the complaint points at it.
    if (answerId !== null) {
      const level = weighted(random, [[0, 10], [1, 35], [2, 35], [3, 20]]);
      insertComplaintSatisfaction(db, { id: answerId, customer_id: customerId, level, at: iso(followUpAt), note: '', staff_id: staffId });
    }
    const lastAt = iso(closed ? closeAt : followedUp ? followUpAt : resolved ? resolveAt : replied ? replyAt : received);
    // Written as the complaints feature writes them: logged (open), then brought to where its story has got to.
    insertComplaint(db, {
      id,
      customer_id: customerId,
      channel: weighted(random, channelWeights),
      category,
      severity,
      description: random.pick(descriptions[category][options.pool]),
      owner_staff_id: staffId,
      state: 'open',
      received_at: receivedAt,
      reply_promise_id: replyId,
      resolve_promise_id: resolveId,
      created_at: receivedAt,
      updated_at: receivedAt,
    });
    updateComplaint(db, {
      id,
      state,
      replied_at: replied ? iso(replyAt) : null,
      resolved_at: resolved ? iso(resolveAt) : null,
      resolution: resolved ? random.pick(resolutions[options.pool]) : '',
      compensation_kind: compensated ? random.pick(compensationKindsSeeded) : null,
      compensation_minor: compensationMinor,
      resolve_promise_id: resolveId,
      satisfaction_answer_id: answerId,
      updated_at: lastAt,
    });
    if (escalated) {
      updateEscalation(db, {
        id,
        status: 'approved',
        kind: 'refund',
        minor: compensationMinor,
        note: '',
        requested_at: iso(replyAt),
        decided_at: iso((replyAt + resolveAt) / 2),
        decision_note: '',
        updated_at: lastAt,
      });
    }
    const promise = (promiseId: string, kind: 'reply' | 'resolve', due: string, metAt: number, met: boolean) => {
      insertPromise(db, { id: promiseId, complaint_id: id, kind, due_at: due, at: receivedAt });
      // Met: kept or broken by the deadline; unmet and past it: broken at the deadline itself.
      if (met) settlePromiseRow(db, promiseId, outcomeWhenMet(due, iso(metAt)), iso(metAt));
      else if (isMissed(due, iso(now))) settlePromiseRow(db, promiseId, 'broken', due);
    };
    promise(replyId, 'reply', replyDue, replyAt, replied);
    promise(resolveId, 'resolve', resolveDue, resolveAt, resolved);
    const step = (action: string, from: string | null, to: string, at: string, role: 'staff' | 'owner', by: string | null) =>
      insertTransition(db, { id: newId(), complaint_id: id, action, from_state: from, to_state: to, at, actor_role: role, staff_id: by, note: '' });
    step('log', null, 'open', receivedAt, 'staff', staffId);
    if (replied) step('acknowledge', 'open', 'acknowledged', iso(replyAt), 'staff', staffId);
    if (escalated) {
      step('escalate', 'acknowledged', 'acknowledged', iso(replyAt + 1), 'staff', staffId);
      step('approve', 'acknowledged', 'acknowledged', iso((replyAt + resolveAt) / 2), 'owner', null);
    }
    if (resolved) step('resolve', 'acknowledged', 'resolved', iso(resolveAt), 'staff', staffId);
    if (followedUp) step('follow_up', 'resolved', 'followed_up', iso(followUpAt), 'staff', staffId);
    if (closed) step('close', followedUp ? 'followed_up' : 'resolved', 'closed', iso(closeAt), 'staff', staffId);
  }
  return count;
};
