import { describe, expect, it } from 'vitest';
import { formatAuditValue } from '../../shared/audit-changes';
import { auditValueFormat } from '../../shared/audit-format';
import { complaintStates } from '../../shared/complaints/lifecycle';
import { severities } from '../../shared/complaints/deadlines';
import { compensationKinds, complaintCategories, complaintChannels } from '../../shared/contract/complaints';
import { customerSources, genders, needTypes } from '../../shared/contract/customers';
import { contactMethods, visitChannels } from '../../shared/contract/visits';
import { lostReasons, winBackOutcomes } from '../../shared/contract/winback';
import { auditLabels } from '../../shared/i18n/audit';
import { vocabulary } from '../../shared/i18n/vocabulary';
import { languages } from '../../shared/locale';
import { lapseStates } from '../../shared/contract/loyalty';
import { rewardStates } from '../../shared/referrals/rules';
import { commonMessages } from '../../renderer/src/app/locales/common';
import { complaintsMessages } from '../../renderer/src/features/complaints/i18n';
import { referralsMessages } from '../../renderer/src/features/referrals/i18n';
import { remindersMessages } from '../../renderer/src/features/reminders/i18n';

type Labels = Record<string, string>;

/**
 * Each coded value the audit trail shows, beside the screen where people choose it: the codes, the
 * trail's labels for them and the screen's, in one language.
 */
const pairs = (language: (typeof languages)[number]): { name: string; codes: readonly string[]; audit: Labels; screen: Labels }[] => {
  const audit = auditLabels[language].values;
  const common = commonMessages[language];
  const complaints = complaintsMessages[language];
  const reminders = remindersMessages[language];
  return [
    { name: 'complaint category', codes: complaintCategories, audit: audit.category, screen: complaints.categories },
    { name: 'complaint severity', codes: severities, audit: audit.severity, screen: complaints.severities },
    { name: 'complaint state', codes: complaintStates, audit: audit.state, screen: complaints.states },
    { name: 'complaint channel', codes: complaintChannels, audit: audit.complaintChannel, screen: complaints.channels },
    { name: 'compensation', codes: compensationKinds, audit: audit.compensationKind, screen: complaints.compensationKinds },
    { name: 'visit channel', codes: visitChannels, audit: audit.channel, screen: common.channels },
    { name: 'contact method', codes: contactMethods, audit: audit.channel, screen: common.contactMethods },
    { name: 'satisfaction', codes: ['0', '1', '2', '3'], audit: audit.satisfaction, screen: common.satisfaction },
    { name: 'win-back outcome', codes: winBackOutcomes, audit: audit.outcome, screen: reminders.winBack.outcomes },
    { name: 'lost reason', codes: lostReasons, audit: audit.lostReason, screen: reminders.lostReasons },
    { name: 'referral reward', codes: rewardStates, audit: audit.status, screen: referralsMessages[language].reward.states },
    { name: 'customer source', codes: customerSources, audit: audit.source, screen: common.sources },
    { name: 'need type', codes: needTypes, audit: audit.needType, screen: common.needTypes },
    { name: 'gender', codes: genders, audit: audit.gender, screen: common.genders },
  ];
};

describe('the audit trail names a coded value as the screen where it was chosen does', () => {
  it.each(languages)('%s: every code, the same words on both', (language) => {
    for (const { name, codes, audit, screen } of pairs(language)) {
      const words = (labels: Labels) => Object.fromEntries(codes.map((code) => [code, labels[code]]));
      expect(words(audit), `${name} in ${language}`).toEqual(words(screen));
      expect(codes.filter((code) => typeof screen[code] !== 'string'), `${name} in ${language}`).toEqual([]);
    }
  });

  it.each(languages)('%s: the profile’s relationship badge names a lapse state as the list’s filter does (never a tier’s name)', (language) => {
    const badge = remindersMessages[language].standing.states;
    const words = (labels: Labels) => Object.fromEntries(lapseStates.map((state) => [state, labels[state]]));
    expect(words(badge)).toEqual(words(vocabulary[language].lapseStates));
    expect(Object.values(vocabulary[language].tiers)).not.toContain(badge.active);
  });

  it('tells a complaint’s “online” (a review) from a visit’s (an order)', () => {
    const format = auditValueFormat('en', { money: String, dateTime: String });
    expect(formatAuditValue('channel', 'online', format, 'complaint')).toBe(complaintsMessages.en.channels.online);
    expect(formatAuditValue('channel', 'online', format, 'visit')).toBe(commonMessages.en.channels.online);
    expect(complaintsMessages.en.channels.online).not.toBe(commonMessages.en.channels.online);
    expect(formatAuditValue('channel', 'home_visit', format, 'visit')).toBe(commonMessages.en.contactMethods.home_visit);
  });

  it('names a country and a currency in the language, and reads a backup’s 0/1 as no/yes', () => {
    const zhHant = auditValueFormat('zh-Hant', { money: String, dateTime: String });
    expect(formatAuditValue('country', 'TW', zhHant)).toBe(new Intl.DisplayNames(['zh-Hant'], { type: 'region' }).of('TW'));
    expect(formatAuditValue('country', 'TW', zhHant)).not.toBe('TW');
    expect(formatAuditValue('currency', 'TWD', auditValueFormat('en', { money: String, dateTime: String }))).toBe('New Taiwan Dollar');
    expect(formatAuditValue('encrypted', 1, zhHant)).toBe(auditLabels['zh-Hant'].csv.yes);
    expect(formatAuditValue('encrypted', 0, zhHant)).toBe(auditLabels['zh-Hant'].csv.no);
  });

  it('writes a recorded object with the language’s punctuation, and an export’s files as the file and its rows', () => {
    const zhHant = auditValueFormat('zh-Hant', { money: String, dateTime: String });
    const en = auditValueFormat('en', { money: String, dateTime: String });
    expect(formatAuditValue('counts', { staff: 3, customers: 1504 }, zhHant)).toBe('員工：3；客戶：1504');
    expect(formatAuditValue('counts', { staff: 3, customers: 1504 }, en)).toBe('Staff: 3; Customers: 1504');
    expect(formatAuditValue('files', [{ path: '/tmp/客戶.csv', rows: 1503 }, { path: '/tmp/來店.csv', rows: 12 }], zhHant)).toBe('/tmp/客戶.csv（1,503 筆）、/tmp/來店.csv（12 筆）');
    expect(formatAuditValue('files', [{ path: '/tmp/customers.csv', rows: 1503 }], en)).toBe('/tmp/customers.csv (1,503 rows)');
  });
});
