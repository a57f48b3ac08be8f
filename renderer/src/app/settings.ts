import type { Settings } from '../../../shared/contract/settings';
import { useApi } from '../api/hooks';

/** The shop's settings, read once and refreshed on change; undefined only while the first read is on its way. */
export const useSettings = (): Settings | undefined => useApi('settings-get', {}).data;
