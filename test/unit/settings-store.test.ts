import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { readComplaintSettings, writeComplaintSettings } from '../../electron/core/complaints/settings';
import { readLoyaltySettings } from '../../electron/core/loyalty/settings';
import { readReferralRules, referralRulesSet, writeReferralRules } from '../../electron/core/referrals/rules';
import { readReminderSettings, shopTimeZone } from '../../electron/core/reminders/settings';
import { currentSettings } from '../../electron/core/settings/current';
import { tempDir } from '../support/core';

const bookWith = (stored: Record<string, string>) => {
  const { db } = openBook(tempDir(), { now: () => new Date('2026-12-05T00:00:00Z') });
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(stored)) put.run(key, value);
  return db;
};

describe('the settings store', () => {
  it('reads every feature’s rules from the keys books already have', () => {
    const db = bookWith({
      timeZone: '"Asia/Taipei"',
      shopName: '"Corner Café"',
      'complaints.replyHoursHigh': '1.5',
      'referrals.rewardKind': '"gift"',
      'referrals.rewardGift': '"a free coffee"',
      'reminders.followUpDays': '5',
      'loyalty.remainingYears': '4',
    });
    expect(currentSettings({ db })).toMatchObject({ shopName: 'Corner Café', timeZone: 'Asia/Taipei' });
    expect(shopTimeZone(db)).toBe('Asia/Taipei');
    expect(readComplaintSettings(db)).toMatchObject({ replyHoursHigh: 1.5, replyHoursLow: 24 });
    expect(readReferralRules(db)).toEqual({ rewardKind: 'gift', rewardValue: 0, rewardGift: 'a free coffee', minFirstPurchaseMinor: 0 });
    expect(readReminderSettings(db)).toMatchObject({ followUpDays: 5, lapseMultiplier: 2 });
    expect(readLoyaltySettings(db)).toMatchObject({ remainingYears: 4, keyShare: 0.05 });
    db.close();
  });

  it('falls back to the default for a value that is damaged, out of range, or disagrees with another', () => {
    const db = bookWith({
      timeZone: '"Mars/Olympus"',
      'complaints.replyHoursHigh': 'not json',
      'complaints.opensAt': '"22:00"',
      'complaints.closesAt': '"09:00"',
      'reminders.followUpDays': '9999',
      'reminders.lapseMinDays': '300',
      'reminders.lapseMaxDays': '30',
      'loyalty.keyShare': '0.5',
      'loyalty.majorShare': '0.2',
      'loyalty.regularShare': '0.8',
    });
    expect(shopTimeZone(db)).toBe(currentSettings({ db }).timeZone);
    expect(currentSettings({ db }).timeZone).not.toBe('Mars/Olympus');
    expect(readComplaintSettings(db)).toMatchObject({ replyHoursHigh: 2, opensAt: '10:00', closesAt: '21:00' });
    expect(readReminderSettings(db)).toMatchObject({ followUpDays: 3, lapseMinDays: 14, lapseMaxDays: 365 });
    expect(readLoyaltySettings(db)).toMatchObject({ keyShare: 0.05, majorShare: 0.2, regularShare: 0.5 });
    db.close();
  });

  it('answers a write at once, and forgets a write that was rolled back', () => {
    const db = bookWith({});
    expect(readComplaintSettings(db).followUpDays).toBe(3);
    writeComplaintSettings(db, { followUpDays: 7 });
    expect(readComplaintSettings(db).followUpDays).toBe(7);
    expect(() =>
      db.transaction(() => {
        writeComplaintSettings(db, { followUpDays: 9 });
        expect(readComplaintSettings(db).followUpDays).toBe(9);
        throw new Error('refused');
      })(),
    ).toThrow('refused');
    expect(readComplaintSettings(db).followUpDays).toBe(7);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'complaints.followUpDays'").pluck().get()).toBe('7');
    db.close();
  });

  it('tells rules the owner set from the defaults', () => {
    const db = bookWith({});
    expect(referralRulesSet(db)).toBe(false);
    writeReferralRules(db, { rewardKind: 'thanks' });
    expect(referralRulesSet(db)).toBe(true);
    db.close();
  });
});
