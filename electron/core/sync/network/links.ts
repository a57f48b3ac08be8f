import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connection';
import { newId } from '../../db/ids';
import { addPairing, putLink, revokeLink, storedLink, storedPairing, usePairing } from './queries';

/** How long an invitation's pairing secret can be used: a day, as the design says. */
const pairingLifetimeMs = 24 * 60 * 60 * 1000;

/** A new secret: 256 random bits, as base64 (what TLS uses as the pre-shared key). */
const newSecret = (): string => randomBytes(32).toString('base64');

export const newPairing = (db: Db, now: Date): { id: string; secret: string } => {
  const pairing = { id: newId(), secret: newSecret() };
  addPairing(db, pairing.id, pairing.secret, now.toISOString(), new Date(now.getTime() + pairingLifetimeMs).toISOString());
  return pairing;
};

/**
 * Who a TLS connection says it is, before it has proved anything: a device pairing with the secret
 * of an invitation, or a paired device with its link. The identity travels in clear in the
 * handshake; it names ids only, never a secret.
 */
export type PeerIdentity = { kind: 'pairing'; pairingId: string } | { kind: 'link'; deviceId: string };

const pairingPrefix = 'pair:';
const linkPrefix = 'link:';

export const identityText = (identity: PeerIdentity): string =>
  identity.kind === 'pairing' ? `${pairingPrefix}${identity.pairingId}` : `${linkPrefix}${identity.deviceId}`;

export const readIdentity = (text: string): PeerIdentity | null => {
  if (text.startsWith(pairingPrefix) && text.length > pairingPrefix.length) return { kind: 'pairing', pairingId: text.slice(pairingPrefix.length) };
  if (text.startsWith(linkPrefix) && text.length > linkPrefix.length) return { kind: 'link', deviceId: text.slice(linkPrefix.length) };
  return null;
};

/**
 * The key a connection claiming `identity` must hold, or null to refuse it during the handshake:
 * an unknown, or expired pairing; an unknown link. A revoked link (a removed device) still has its
 * key here, so the device that proves it holds it can be told in words that it was removed — the
 * session refuses it right after the greeting (server.ts), before anything of the book is sent.
 */
export const keyFor = (db: Db, identity: PeerIdentity, now: Date): Buffer | null => {
  if (identity.kind === 'pairing') {
    const pairing = storedPairing(db, identity.pairingId);
    if (pairing === null || pairing.expires_at <= now.toISOString()) return null;
    return Buffer.from(pairing.secret, 'base64');
  }
  const link = storedLink(db, identity.deviceId);
  return link === null ? null : Buffer.from(link.secret, 'base64');
};

/**
 * A device that proved an invitation's secret gets its link: the first device to use a pairing
 * owns it; the same device may use it again (its first answer lost), nobody else can. Answers the
 * link's secret, or null when the pairing was another device's.
 */
export const linkFromPairing = (db: Db, pairingId: string, deviceId: string, now: Date): string | null =>
  db.transaction(() => {
    const pairing = storedPairing(db, pairingId);
    if (pairing === null) return null;
    if (pairing.device_id !== deviceId && !usePairing(db, pairingId, deviceId)) return null;
    const existing = storedLink(db, deviceId);
    if (existing !== null && existing.revoked_at === null) return existing.secret;
    const secret = newSecret();
    putLink(db, deviceId, secret, now.toISOString());
    return secret;
  }).immediate();

/** Whether the link of `deviceId` still stands (checked again before a session writes anything). */
export const linkStands = (db: Db, deviceId: string, secret: Buffer): boolean => {
  const link = storedLink(db, deviceId);
  if (link === null || link.revoked_at !== null) return false;
  const stored = Buffer.from(link.secret, 'base64');
  return stored.length === secret.length && timingSafeEqual(stored, secret);
};

/** Removing a device from the serving side: its link is revoked at once. */
export const revokeDeviceLink = (db: Db, deviceId: string, at: Date): boolean => revokeLink(db, deviceId, at.toISOString());
