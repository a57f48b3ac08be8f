import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { coreEventNames, originOf, type CoreEventName } from '../../shared/contract/events';
import type { AppError } from '../../shared/errors';
import { err, type Result } from '../../shared/result';
import type { Core } from '../core/core';
import { readStaticFile } from './static';

/** Large enough that an oversized field reaches validation and gets its own message. */
export const maxRpcBodyBytes = 16 * 1024 * 1024;
export const tokenHeader = 'x-regulars-token';
const heartbeatMs = 20_000;

/**
 * What the host needs of the core: its calls and its events. Browser mode serves from a thread of
 * its own and reaches the core on the main thread through messages (see launch.ts); the tests hand
 * it a core directly (`hostCoreOf`).
 */
export interface HostCore {
  call(name: unknown, input: unknown, origin: string | undefined): Promise<Result<unknown>>;
  on(event: CoreEventName, listener: (payload: unknown) => void): () => void;
}

export const hostCoreOf = (core: Core): HostCore => ({
  call: (name, input, origin) => core.callUnknown(name, input, origin),
  on: (event, listener) => core.events.on(event, listener),
});

export interface HostOptions {
  core: HostCore;
  staticDir: string;
  token: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface RunningHost {
  /** The interface it listens on: always the loopback address. */
  address: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const sendJson = (response: http.ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
};

const sendError = (response: http.ServerResponse, status: number, failure: { error: AppError }): void =>
  sendJson(response, status, failure);

const sameToken = (given: string | undefined, expected: string): boolean => {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Reads the body; past the limit it keeps draining (not keeping) so the caller still gets an answer. */
const readBody = (request: http.IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRpcBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maxRpcBodyBytes ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });

const parseCall = (body: Buffer): { name: unknown; input: unknown; origin: unknown } | null => {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const { name, input, origin } = parsed as { name?: unknown; input?: unknown; origin?: unknown };
    return { name, input, origin };
  } catch {
    return null;
  }
};

/**
 * Browser mode: the built renderer and the same registry as the desktop app, on 127.0.0.1 only.
 * /rpc and /events need the session token; Host is checked so a rebinding DNS name cannot reach us.
 */
export const startHost = (options: HostOptions): Promise<RunningHost> => {
  const staticRoot = path.resolve(options.staticDir);
  const { core } = options;
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendError(response, 403, err('UNAUTHORIZED'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    const authorised = sameToken(request.headers[tokenHeader] as string | undefined, options.token);

    if (url.pathname === '/rpc') {
      if (request.method !== 'POST') return sendError(response, 405, err('METHOD_NOT_ALLOWED'));
      if (!authorised) return sendError(response, 401, err('UNAUTHORIZED'));
      const body = await readBody(request);
      if (body === 'too-large') return sendError(response, 413, err('PAYLOAD_TOO_LARGE', { limitBytes: maxRpcBodyBytes }));
      const call = parseCall(body);
      if (call === null) return sendError(response, 400, err('VALIDATION_FAILED', { issues: [{ path: '', rule: 'invalid' }] }));
      sendJson(response, 200, await core.call(call.name, call.input, originOf(call.origin)));
      return;
    }

    if (url.pathname === '/events') {
      if (request.method !== 'GET' || !authorised) return sendError(response, 401, err('UNAUTHORIZED'));
      response.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      const unsubscribe = coreEventNames.map((event) =>
        core.on(event, (payload) => response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
      );
      const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
      request.on('close', () => {
        clearInterval(heartbeat);
        for (const stop of unsubscribe) stop();
        streams.delete(response);
      });
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, err('METHOD_NOT_ALLOWED'));
    const file = await readStaticFile(staticRoot, url.pathname);
    if (file === null) {
      response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': file.contentType,
      'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((caught: unknown) => {
      console.error('[regulars] host request failed:', caught);
      if (!response.headersSent) sendError(response, 500, err('INTERNAL', { reference: 'host' }));
      else response.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      const bound = server.address() as AddressInfo;
      port = bound.port;
      resolve({
        address: bound.address,
        port,
        url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(options.token)}`,
        close: () =>
          new Promise((done) => {
            for (const stream of streams) stream.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
};
