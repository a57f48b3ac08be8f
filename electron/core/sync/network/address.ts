import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { syncFolderOf } from '../../db/replicated';

/** A serving device's address as people copy it: `regulars://host:port` (IPv6 hosts in brackets). */
const scheme = 'regulars://';

export const formatAddress = (host: string, port: number): string => `${scheme}${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Host and port from `regulars://host:port` or `host:port`; null when it is neither. */
export const parseAddress = (text: string): { host: string; port: number } | null => {
  const rest = text.trim().startsWith(scheme) ? text.trim().slice(scheme.length) : text.trim();
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:/[\]\s]+)):(\d{1,5})\/?$/.exec(rest);
  if (match === null) return null;
  const port = Number(match[3]);
  if (port < 1 || port > 65_535) return null;
  return { host: match[1] ?? match[2]!, port };
};

/**
 * The address to tell other devices for a listener on `host`: itself, or for "every interface"
 * the first address this computer has on a network (what another device in the shop can reach).
 */
export const reachableHost = (host: string): string => {
  if (host !== '0.0.0.0' && host !== '::') return host;
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return '127.0.0.1';
};

/**
 * While a device serves its book, its address is noted beside the book so an invitation made
 * meanwhile (from the app or the command line, another process) carries it.
 */
const announcementFile = (bookFile: string) => path.join(syncFolderOf(bookFile), 'listening.json');

export const announceAddress = (bookFile: string, address: string): void => writeFileSync(announcementFile(bookFile), JSON.stringify({ address }));

export const withdrawAddress = (bookFile: string): void => rmSync(announcementFile(bookFile), { force: true });

export const announcedAddress = (bookFile: string): string | null => {
  try {
    const parsed = JSON.parse(readFileSync(announcementFile(bookFile), 'utf8')) as { address?: unknown };
    return typeof parsed.address === 'string' && parseAddress(parsed.address) !== null ? parsed.address : null;
  } catch {
    return null;
  }
};
