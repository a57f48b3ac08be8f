/**
 * Stable error codes. The renderer and the CLI translate them; `message` is only a developer hint.
 * Never rename a code: saved logs and tests refer to them.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNKNOWN_HANDLER',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_STATE',
  'BOOK_BUSY',
  'DISK_FULL',
  'STORAGE_FAILED',
  'READ_ONLY_BOOK',
  'BOOK_NEWER_VERSION',
  'BOOK_CORRUPT',
  'PAYLOAD_TOO_LARGE',
  'FILE_REFUSED',
  'UNAUTHORIZED',
  'TRANSPORT_FAILED',
  'INTERNAL',
  'WRONG_PIN',
  'WRONG_RECOVERY_CODE',
  'LOCKED_OUT',
  'METHOD_NOT_ALLOWED',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Why a single field was refused; the renderer shows it next to the field. */
export const fieldRules = [
  'required',
  'too_long',
  'too_short',
  'too_small',
  'too_big',
  'too_many',
  'invalid_type',
  'invalid_phone',
  'invalid_email',
  'invalid_date',
  'invalid_choice',
  'unknown_field',
  'invalid',
  'invalid_pin',
  'weak_pin',
  'relative_path',
] as const;
export type FieldRule = (typeof fieldRules)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. "phones.1"; "" for the input as a whole. */
  path: string;
  rule: FieldRule;
  /** The bound that was crossed (characters, items or value), when there is one. */
  limit?: number;
}

/**
 * Why a file the owner picked (a backup to restore, a spreadsheet to import, a folder to write to)
 * was refused; nothing was changed in the book when a file is refused.
 */
export const fileRefusals = [
  'not_found',
  'not_a_file',
  'not_a_folder',
  'unreadable',
  'unwritable',
  'empty',
  'too_large',
  'binary',
  'json_not_csv',
  'backup_not_csv',
  'unterminated_quote',
  'field_too_large',
  'no_columns',
  'file_changed',
  'upload_incomplete',
  'not_a_backup',
  'backup_format_newer',
  'passphrase_needed',
  'wrong_passphrase',
  'damaged',
  'truncated',
  'zip_bomb',
  'damaged_workbook',
  'encrypted_workbook',
  'old_excel',
  'not_vcard',
] as const;
export type FileRefusal = (typeof fileRefusals)[number];

export type EntityName = 'customer' | 'visit' | 'staff' | 'handler' | 'merge' | 'reminder' | 'status_change' | 'upload' | 'complaint' | 'reward' | 'import' | 'win_back_attempt' | 'device';

export interface ErrorDetails {
  VALIDATION_FAILED: { issues: FieldIssue[] };
  UNKNOWN_HANDLER: { name: string };
  FORBIDDEN: { required: 'owner' };
  NOT_FOUND: { entity: EntityName; id: string };
  INVALID_STATE: { reason: string };
  BOOK_BUSY: undefined;
  DISK_FULL: undefined;
  STORAGE_FAILED: undefined;
  READ_ONLY_BOOK: undefined;
  BOOK_NEWER_VERSION: { bookVersion: number; appVersion: number };
  BOOK_CORRUPT: { reason: string };
  PAYLOAD_TOO_LARGE: { limitBytes: number };
  /** `row`: the spreadsheet row (1 = the first line); `limit`: megabytes for too_large, characters for field_too_large. */
  FILE_REFUSED: { reason: FileRefusal; name: string; row?: number; limit?: number };
  UNAUTHORIZED: undefined;
  TRANSPORT_FAILED: undefined;
  INTERNAL: { reference: string };
  /** The secret was wrong; `retryAt` is when the next attempt may be made (null: right away). */
  WRONG_PIN: { retryAt: string | null };
  WRONG_RECOVERY_CODE: { retryAt: string | null };
  /** Too many wrong attempts: refused without looking at the secret until `retryAt`. */
  LOCKED_OUT: { retryAt: string; minutes: number };
  /** An HTTP request with a method the endpoint does not take (GET /rpc). */
  METHOD_NOT_ALLOWED: undefined;
}

export type AppError = {
  [C in ErrorCode]: ErrorDetails[C] extends undefined
    ? { code: C; message: string; details?: undefined }
    : { code: C; message: string; details: ErrorDetails[C] };
}[ErrorCode];

/**
 * Refusals the owner could lift: said with an Unlock button beside them. FORBIDDEN always is one;
 * these INVALID_STATE reasons are the owner's authority too (staff's compensation over the limit).
 */
export const ownerCanLift = (error: AppError): boolean =>
  error.code === 'FORBIDDEN' || (error.code === 'INVALID_STATE' && error.details.reason === 'compensation_needs_approval');

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
