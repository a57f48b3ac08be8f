import type { Packet } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { answersTo, isLoopbackHost, portIn, serviceName } from '../../electron/core/sync/network/discovery';

const device = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const question = (name: string, type: 'SRV' | 'A' | 'PTR'): Packet => ({ type: 'query', questions: [{ name, type }] });

describe('finding the serving device by name (mDNS packets)', () => {
  it('answers a question for its own name with its port, whatever the case of the name, and nothing else', () => {
    expect(answersTo(question(serviceName(device).toUpperCase(), 'SRV'), device, 47_801)).toEqual([
      { name: serviceName(device), type: 'SRV', ttl: 120, data: { port: 47_801, target: `${device.toLowerCase()}.local`, priority: 0, weight: 0 } },
    ]);
    expect(answersTo(question(serviceName('01JOTHERDEVICE000000000000'), 'SRV'), device, 47_801)).toEqual([]);
    expect(answersTo(question(serviceName(device), 'A'), device, 47_801)).toEqual([]);
    expect(answersTo({ type: 'query' }, device, 47_801)).toEqual([]);
  });

  it('reads the port only from an answer for the device it looks for, and only a port that can be one', () => {
    const answer = (name: string, port: number): Packet => ({ type: 'response', answers: [{ name, type: 'SRV', data: { port, target: 'x.local' } }] });
    expect(portIn(answer(serviceName(device), 47_805), device)).toBe(47_805);
    expect(portIn(answer(serviceName('01JOTHERDEVICE000000000000'), 47_805), device)).toBeNull();
    expect(portIn(answer(serviceName(device), 0), device)).toBeNull();
    expect(portIn(answer(serviceName(device), 70_000), device)).toBeNull();
    expect(portIn({ type: 'response', answers: [{ name: serviceName(device), type: 'A', data: '10.0.0.9' }] }, device)).toBeNull();
  });

  it('never looks on the network for a device served on this computer', () => {
    expect(['127.0.0.1', '127.3.2.1', '::1', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['10.213.20.1', '192.168.1.20', '0.0.0.0'].some(isLoopbackHost)).toBe(false);
  });
});
