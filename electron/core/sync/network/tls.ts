import type { ConnectionOptions, TLSSocket, TlsOptions } from 'node:tls';

/**
 * Standard TLS 1.3 with pre-shared keys (RFC 8446 §2.2), no certificates: the key is the
 * invitation's pairing secret on first contact and the device's own link credential after. Both
 * sides prove the key, so only a paired device gets in and a device talks only to the serving
 * device it paired with. OpenSSL (Node 20) offers TLS 1.3 PSK only with SHA-256 suites; the
 * handshake still runs (EC)DHE (psk_dhe_ke), so a key learnt later does not open recorded sessions.
 */
const pskSuites = 'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256';

export const serverTlsOptions = (pskCallback: (socket: TLSSocket, identity: string) => Buffer | null): TlsOptions => ({
  minVersion: 'TLSv1.3',
  maxVersion: 'TLSv1.3',
  ciphers: pskSuites,
  pskCallback,
});

export const clientTlsOptions = (identity: string, key: Buffer): ConnectionOptions => ({
  minVersion: 'TLSv1.3',
  maxVersion: 'TLSv1.3',
  ciphers: pskSuites,
  pskCallback: () => ({ identity, psk: key }),
  // No certificate to check: the serving device proves itself by holding the key.
  checkServerIdentity: () => undefined,
});
