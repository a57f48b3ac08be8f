import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { networkInterfaces } from 'node:os';
import * as dnsPacket from 'dns-packet';
import type { Answer, Packet } from 'dns-packet';
import makeMulticastDns from 'multicast-dns';

/**
 * Finding the serving device again on the shop's network when its address has changed (a router
 * restarted and handed out new addresses): the serving device answers multicast DNS (RFC 6762)
 * questions for its own name, `<device id>._regulars._tcp.local`, with the port it serves on; a
 * device whose stored address no longer answers asks for that name and tries the address the
 * answer came from. Nothing secret is said: the device id is a random key, and whoever answers must
 * still pass the TLS handshake with this device's link secret and name the same book.
 */

const serviceType = '_regulars._tcp.local';

/** The mDNS group and port every serving device listens on. */
const group = { address: '224.0.0.251', port: 5353 };

/** The name a serving device answers to (DNS names compare without case). */
export const serviceName = (deviceId: string): string => `${deviceId.toLowerCase()}.${serviceType}`;

/** How long a device asks before giving up, and how often it asks again meanwhile (a UDP question may be lost). */
const findForMs = 3_000;
const askEveryMs = 750;
/** Seconds an answer may be kept by whoever hears it: the address can change again. */
const answerTtl = 120;

/** Addresses that are this computer: a device served there never moves, and nothing is said on the shop's network for it. */
export const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** The answers to a question packet: this device's port, when the packet asks for its name (SRV or ANY). */
export const answersTo = (query: Packet, deviceId: string, port: number): Answer[] => {
  const name = serviceName(deviceId);
  const asked = (query.questions ?? []).some((question) => {
    // dns-packet names type 255 'ANY', which its types leave out.
    const type: string = question.type;
    return question.name.toLowerCase() === name && (type === 'SRV' || type === 'ANY');
  });
  if (!asked) return [];
  return [{ name, type: 'SRV', ttl: answerTtl, data: { port, target: `${deviceId.toLowerCase()}.local`, priority: 0, weight: 0 } }];
};

/** The port an answer packet gives for the device's name, or null when it gives none that could be one. */
export const portIn = (response: Packet, deviceId: string): number | null => {
  const name = serviceName(deviceId);
  for (const answer of [...(response.answers ?? []), ...(response.additionals ?? [])]) {
    if (answer.type !== 'SRV' || answer.name.toLowerCase() !== name) continue;
    const port = answer.data.port;
    if (Number.isInteger(port) && port > 0 && port <= 65_535) return port;
  }
  return null;
};

export interface Answering {
  close(): Promise<void>;
}

/**
 * Answers questions for this serving device's name until closed. Questions asked from the mDNS port
 * are answered to the group, as RFC 6762 has it; a one-shot question from another port, to its sender.
 * A packet that is not DNS is dropped by the library (a warning, ignored); a port 5353 this computer
 * will not share leaves the device unanswering, found only at the address it was given.
 */
export const answerOnNetwork = (deviceId: string, port: number): Answering => {
  const mdns = makeMulticastDns();
  mdns.on('warning', () => undefined);
  mdns.on('error', () => undefined);
  mdns.on('query', (query: Packet, from: RemoteInfo) => {
    const answers = answersTo(query, deviceId, port);
    if (answers.length === 0) return;
    mdns.respond({ answers }, from.port === group.port ? undefined : { port: from.port, address: from.address });
  });
  return { close: () => new Promise((resolve) => mdns.destroy(() => resolve())) };
};

/** This computer's addresses on its networks (IPv4, not loopback): a question goes out on each. */
const networkAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => address.address);

/**
 * Where the serving device `deviceId` answers now: the address its answer came from (never an
 * address written inside the answer, which anyone could fill) and the port it gave. Null when no
 * answer came within a few seconds. Asked as a one-shot question (RFC 6762 5.1) from a port of its
 * own on each network this computer is on, so the answer comes straight back to it, routed by the
 * system: a laptop whose default route is a VPN or a second network still asks on the shop's, and
 * another mDNS program holding port 5353 here never takes the answer.
 */
export const findServingDevice = (deviceId: string, timeoutMs = findForMs): Promise<{ host: string; port: number } | null> =>
  new Promise((resolve) => {
    const question = dnsPacket.encode({ type: 'query', id: 0, questions: [{ name: serviceName(deviceId), type: 'SRV' }] });
    const sockets = networkAddresses().map((address) => {
      const socket = createSocket('udp4');
      // A network that refuses (its address gone, no route for the group) is not asked; the others are.
      socket.on('error', () => closeQuietly(socket));
      socket.on('message', (message, from) => {
        const port = answerPort(message, deviceId);
        if (port !== null) finish({ host: from.address, port });
      });
      socket.bind(0, address, () => {
        try {
          socket.setMulticastInterface(address);
        } catch {
          // An address gone since it was listed: that network is not asked.
        }
      });
      return socket;
    });
    const ask = () => {
      for (const socket of sockets) {
        try {
          socket.send(question, group.port, group.address, () => undefined);
        } catch {
          // Closed after an error: that network is not asked again.
        }
      }
    };
    let settled = false;
    const finish = (found: { host: string; port: number } | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(giveUp);
      clearInterval(again);
      for (const socket of sockets) closeQuietly(socket);
      resolve(found);
    };
    ask();
    const again = setInterval(ask, askEveryMs);
    const giveUp = setTimeout(() => finish(null), sockets.length === 0 ? 0 : timeoutMs);
  });

const closeQuietly = (socket: Socket): void => {
  try {
    socket.close();
  } catch {
    // Closed already, after an error.
  }
};

/** The port in an answer packet for the device, or null for anything else (not DNS, not an answer, another device). */
const answerPort = (message: Buffer, deviceId: string): number | null => {
  try {
    const packet = dnsPacket.decode(message);
    return packet.type === 'response' ? portIn(packet, deviceId) : null;
  } catch {
    return null;
  }
};
