import type { Db } from '../db/connection';

/** A device's name in the book's registry of devices; null where it has none. */
export const deviceLabel = (_db: Db, _deviceId: string): string | null => null;
