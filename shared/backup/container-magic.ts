/**
 * The eight bytes that mark a Regulars backup file: at its start (format 1) or at the end of its
 * frame (formats 2 and 3). Here, not in the backup feature, because the import refuses such a file
 * as a spreadsheet by them and the two features must not import each other.
 */
export const backupFileMagic: readonly number[] = [0x89, 0x52, 0x47, 0x4c, 0x42, 0x4b, 0x0d, 0x0a];
