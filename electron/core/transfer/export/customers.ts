import { birthdayText, decimalAmount, listCell, localDateTime } from './format';
import { countCustomersForExport, exportCustomerRows, type DbExportCustomer } from './queries';
import { defineExportTable } from './table';

const phonesOf = (row: DbExportCustomer): { display: string; e164: string | null }[] => JSON.parse(row.phones_json);
const labelsOf = (json: string): string[] => JSON.parse(json);

const labelled = <K extends string>(labels: Record<K, string>, value: string | null): string =>
  value === null ? '' : (labels[value as K] ?? value);

export const customersExport = defineExportTable<DbExportCustomer>({
  name: 'customers',
  rows: exportCustomerRows,
  count: countCustomersForExport,
  counts: (db) => ({ customers: countCustomersForExport(db) }),
  json: (row) => ({
    id: row.id,
    name: row.name,
    phones: phonesOf(row),
    email: row.email,
    birthday: row.birthday_month === null || row.birthday_day === null ? null : { month: row.birthday_month, day: row.birthday_day, year: row.birthday_year },
    address: row.address,
    gender: row.gender,
    tags: labelsOf(row.tags_json),
    interests: labelsOf(row.interests_json),
    notes: row.notes,
    source: row.source,
    needType: row.need_type,
    ownerStaffId: row.owner_staff_id,
    consentToContact: row.consent_contact === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    firstVisitAt: row.first_visit_at,
    lastVisitAt: row.last_visit_at,
    lastContactAt: row.last_contact_at,
    visitCount: row.visit_count,
    revenueMinor: row.revenue_minor,
    loyalty: {
      tier: row.tier,
      quadrant: row.quadrant,
      lapse: row.lapse,
      probabilityAlive: row.probability_alive,
      expectedVisitsNextYear: row.expected_visits,
      lifetimeValueMinor: row.lifetime_value_minor,
    },
  }),
  csv: [
    { header: (w) => w.customerColumns.id, value: (row) => row.id },
    { header: (w) => w.customerColumns.name, value: (row) => row.name },
    { header: (w) => w.customerColumns.phones, value: (row) => listCell(phonesOf(row).map((phone) => phone.display)) },
    { header: (w) => w.customerColumns.email, value: (row) => row.email },
    { header: (w) => w.customerColumns.birthday, value: (row) => birthdayText(row.birthday_month, row.birthday_day, row.birthday_year) },
    { header: (w) => w.customerColumns.gender, value: (row, c) => labelled(c.words.values.gender, row.gender) },
    { header: (w) => w.customerColumns.address, value: (row) => row.address },
    { header: (w) => w.customerColumns.tags, value: (row) => listCell(labelsOf(row.tags_json)) },
    { header: (w) => w.customerColumns.interests, value: (row) => listCell(labelsOf(row.interests_json)) },
    { header: (w) => w.customerColumns.notes, value: (row) => row.notes },
    { header: (w) => w.customerColumns.source, value: (row, c) => labelled(c.words.values.source, row.source) },
    { header: (w) => w.customerColumns.needType, value: (row, c) => labelled(c.words.values.needType, row.need_type) },
    { header: (w) => w.customerColumns.ownerStaff, value: (row) => row.owner_staff_name ?? '' },
    { header: (w) => w.customerColumns.consent, value: (row, c) => (row.consent_contact === 1 ? c.words.values.yes : c.words.values.no) },
    { header: (w) => w.customerColumns.status, value: (row, c) => (row.archived_at === null ? c.words.values.active : c.words.values.archived) },
    { header: (w) => w.customerColumns.createdAt, value: (row, c) => localDateTime(row.created_at, c.timeZone) },
    { header: (w) => w.customerColumns.firstVisitAt, value: (row, c) => localDateTime(row.first_visit_at, c.timeZone) },
    { header: (w) => w.customerColumns.lastVisitAt, value: (row, c) => localDateTime(row.last_visit_at, c.timeZone) },
    { header: (w) => w.customerColumns.lastContactAt, value: (row, c) => localDateTime(row.last_contact_at, c.timeZone) },
    { header: (w) => w.customerColumns.visitCount, value: (row) => String(row.visit_count), number: true },
    { header: (w) => w.customerColumns.lifetimeSpend, value: (row, c) => decimalAmount(row.revenue_minor, c.currency), number: true },
    { header: (w) => w.customerColumns.tier, value: (row, c) => labelled(c.words.values.tier, row.tier) },
    { header: (w) => w.customerColumns.quadrant, value: (row, c) => labelled(c.words.values.quadrant, row.quadrant) },
    { header: (w) => w.customerColumns.lapse, value: (row, c) => labelled(c.words.values.lapse, row.lapse) },
    // Plain numbers a spreadsheet can sort and sum: a share 0–1 with two decimals, visits with one.
    { header: (w) => w.customerColumns.probabilityAlive, value: (row) => (row.probability_alive === null ? '' : row.probability_alive.toFixed(2)), number: true },
    { header: (w) => w.customerColumns.expectedVisitsNextYear, value: (row) => (row.expected_visits === null ? '' : row.expected_visits.toFixed(1)), number: true },
    { header: (w) => w.customerColumns.lifetimeValue, value: (row, c) => (row.lifetime_value_minor === null ? '' : decimalAmount(row.lifetime_value_minor, c.currency)), number: true },
  ],
});
