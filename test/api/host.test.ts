import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostCoreOf, maxRpcBodyBytes, startHost, tokenHeader, type RunningHost } from '../../electron/host/server';
import { freshCore, tempDir } from '../support/core';

const token = 'test-token-0123456789';
const hosts: RunningHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

const start = async () => {
  const staticDir = tempDir('regulars-static-');
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const core = freshCore();
  const host = await startHost({ core: hostCoreOf(core), staticDir, token });
  hosts.push(host);
  return { host, core, base: `http://127.0.0.1:${host.port}` };
};

const rpc = (base: string, body: unknown, headers: Record<string, string> = { [tokenHeader]: token }) =>
  fetch(`${base}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** A raw request, to send a Host header fetch would not let us forge. */
const rawGet = (port: number, pathname: string, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: pathname, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });

describe('browser mode host', () => {
  it('prints an address on 127.0.0.1 that carries the session token', async () => {
    const { host } = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
  });

  it('listens on the loopback interface only', async () => {
    const { host } = await start();
    expect(host.address).toBe('127.0.0.1');
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces()).flat().find((address) => address && address.family === 'IPv4' && !address.internal);
    if (external) {
      const outcome = await fetch(`http://${external.address}:${host.port}/`).then(() => 'reachable', () => 'refused');
      expect(outcome).toBe('refused');
    }
  });

  it('refuses /rpc without the token, or with a wrong one', async () => {
    const { base } = await start();
    const missing = await rpc(base, { name: 'settings-get', input: {} }, {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await rpc(base, { name: 'settings-get', input: {} }, { [tokenHeader]: 'wrong' })).status).toBe(401);
    expect((await fetch(`${base}/events`)).status).toBe(401);
  });

  it('answers GET /rpc with 405 and its own code, its message a sentence rather than the code again', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/rpc`);
    expect(response.status).toBe(405);
    const body = (await response.json()) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(body.error.message).not.toBe(body.error.code);
    expect(body.error.message).toContain('POST');
  });

  it('answers the registry’s result with the token', async () => {
    const { base } = await start();
    const response = await rpc(base, { name: 'customers-create', input: { name: '王小明' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { name: '王小明' } });
    expect(await (await rpc(base, { name: 'nope', input: {} })).json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    expect(await (await rpc(base, '{not json')).json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses a body over the limit with its own error', async () => {
    const { base } = await start();
    const response = await rpc(base, { name: 'customers-create', input: { name: 'x'.repeat(maxRpcBodyBytes) } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: maxRpcBodyBytes } } });
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { host } = await start();
    expect(await rawGet(host.port, '/', `127.0.0.1:${host.port}`)).toBe(200);
    expect(await rawGet(host.port, '/', `localhost:${host.port}`)).toBe(200);
    expect(await rawGet(host.port, '/', `evil.example:${host.port}`)).toBe(403);
  });

  it('serves the app’s files and nothing outside them', async () => {
    const { base, host } = await start();
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>app</title>');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect(await rawGet(host.port, '/../../etc/passwd', `127.0.0.1:${host.port}`)).toBe(404);
    expect((await fetch(`${base}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
  });

  it('streams data-changed events to an authorised listener', async () => {
    const { base } = await start();
    const controller = new AbortController();
    const response = await fetch(`${base}/events`, { headers: { [tokenHeader]: token }, signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read();
    await rpc(base, { name: 'customers-create', input: { name: 'Ada' } });
    let received = '';
    while (!received.includes('data-changed')) received += (await reader.read()).value ?? '';
    expect(received).toContain('event: data-changed\ndata: {"handler":"customers-create"}');
    controller.abort();
  });

  it('names the tab whose call made the change, so that tab does not refresh twice', async () => {
    const { base } = await start();
    const controller = new AbortController();
    const response = await fetch(`${base}/events`, { headers: { [tokenHeader]: token }, signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read();
    await rpc(base, { name: 'customers-create', input: { name: 'Grace' }, origin: 'tab-1' });
    let received = '';
    while (!received.includes('data-changed')) received += (await reader.read()).value ?? '';
    expect(received).toContain('event: data-changed\ndata: {"handler":"customers-create","origin":"tab-1"}');
    controller.abort();
  });
});
