// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Customers: their rows and writers, reading and presenting them, and the list's columns. */
export { auditedFields, changedFields } from './audited-fields';
export { BulkCustomerWriter } from './bulk';
export { editCustomer } from './edit';
export { checkOwnerStaff } from './owner-staff';
export { readPhonesForCountry } from './phone-country';
export { readCustomerDetail, toSummaries } from './present';
export { getCustomerRow, insertCustomer, phonesByCustomer, setCustomerArchived, setCustomerNotes, setCustomersSource, updateCustomer } from './queries';
export type { PhoneWrite } from './queries';
export { listColumns } from './rows';
export type { DbCustomerListRow, DbCustomerRow } from './rows';
export { forgetCustomerSearch, reindexCustomerSearch } from './search-rows';
export { customerParts, emailKey, toCustomerWrite, toPhoneWrite, writeCustomerParts } from './write';
