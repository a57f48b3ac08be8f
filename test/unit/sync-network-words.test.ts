import { describe, expect, it } from 'vitest';
import { refusals } from '../../electron/core/sync/network/messages';
import { errorMessages } from '../../shared/i18n/errors';

/** Every refusal the shop-network sync can give has its own sentence in each language, not the generic one. */
const reasons = [
  ...refusals.map((refusal) => `peer_${refusal}`),
  'peer_unreachable',
  'peer_refused',
  'peer_closed',
  'peer_timeout',
  'peer_protocol',
  'not_paired',
  'no_peer_address',
  'invalid_peer_address',
  'port_in_use',
  'cannot_listen',
  'device_removed',
];

describe('the shop-network sync says why it refused', () => {
  it.each(Object.keys(errorMessages) as (keyof typeof errorMessages)[])('%s: a whole sentence for each refusal', (language) => {
    const states = errorMessages[language].states as Record<string, string>;
    for (const reason of reasons) {
      expect(states[reason], reason).toBeTruthy();
      expect(states[reason], reason).not.toBe(errorMessages[language].codes.INVALID_STATE);
    }
  });
});
