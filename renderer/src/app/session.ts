import type { SessionState } from '../../../shared/contract/session';
import { useApi } from '../api/hooks';

/** Who is at the app: refreshed on every change, including the core locking an idle owner. */
export const useSession = (): SessionState | undefined => useApi('session-get', {}).data;

/** Owner-only actions are hidden from staff; the core refuses them to staff either way. */
export const useIsOwner = (): boolean => useSession()?.role === 'owner';
