/**
 * Browser mode: the same dispatcher served over HTTP on 127.0.0.1 only.
 * `POST /api/<op>` with a JSON body is the whole API; the transport has no
 * per-operation code. Every request needs the per-run token (a bearer header,
 * or the cookie set when the browser first opens the printed URL), the Host
 * must be our loopback address (against DNS rebinding) and a cross-site Origin
 * is refused.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contract, isOpName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { AppError, type ErrorCode } from '../../shared/api/errors';
import { contentSecurityPolicy } from '../../shared/security/csp';
import type { Core } from '../core/core';
import { createDispatcher } from '../core/dispatcher';
import { FilePieces } from '../core/filePieces';
import { bodyHeaders } from '../../shared/api/fileBody';
import { bytesBodyType, inputFromBody } from '../../shared/api/bytesBody';
import { jsonPieces } from './jsonBody';

export interface ServerOptions {
  core: Core;
  /** The built renderer. */
  staticDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  /** The URL to open in a browser: it hands the token over once, then the cookie carries it. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'tematik_token';
const jsonType = 'application/json; charset=utf-8';
/** Characters of JSON above which a response is streamed rather than sent in one piece. */
const streamAbove = 1 << 20;
const HOST = '127.0.0.1';

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy('header'),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const statusByError: Partial<Record<ErrorCode, number>> = {
  validation: 400,
  unknown_op: 404,
  not_found: 404,
  no_project: 409,
  file_exists: 409,
  name_taken: 409,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  internal: 500,
};

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024;
  const staticRoot = path.resolve(options.staticDir);
  const dispatch = createDispatcher(options.core, { keepPieces: true });
  let port = 0;

  const tokenMatches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: http.OutgoingHttpHeaders = {}) => {
    // With its length, in one piece; a string is encoded on its way to the socket rather than copied into a buffer first.
    res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };

  /** An envelope: in one piece with its length when small; else streamed a slice at a time, waiting for the socket to drain between slices. */
  const sendJson = async (res: http.ServerResponse, status: number, envelope: Envelope) => {
    let pending = '';
    let streaming = false;
    for (const piece of jsonPieces(envelope)) {
      pending += piece;
      if (pending.length < streamAbove) continue;
      if (!streaming) res.writeHead(status, { ...securityHeaders, 'Content-Type': jsonType, 'Cache-Control': 'no-store' });
      streaming = true;
      const flushed = res.write(pending);
      pending = '';
      if (!(await written(res, flushed))) return;
    }
    if (streaming) res.end(pending);
    else send(res, status, pending, jsonType);
  };

  /** Waits for the socket to take more; false once the client has gone (it never drains then). */
  const written = async (res: http.ServerResponse, flushed: boolean): Promise<boolean> => {
    if (!flushed) {
      // Both listeners go once either fires: a file of many pieces would otherwise pile them up on the response.
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    return !res.destroyed;
  };

  /**
   * A result with a file field: the file's bytes as the body, written a piece
   * at a time, and the rest of the result as JSON in a header (see shared/api/fileBody.ts).
   */
  const sendFile = async (res: http.ServerResponse, rest: Record<string, unknown>, field: string, file: FilePieces | Uint8Array) => {
    const pieces = file instanceof FilePieces ? file : FilePieces.of([Buffer.from(file.buffer, file.byteOffset, file.byteLength)]);
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'application/octet-stream', 'Content-Length': pieces.byteLength, 'Cache-Control': 'no-store', ...bodyHeaders(field, rest) });
    for (const piece of pieces.bytes) if (!(await written(res, res.write(piece)))) return;
    res.end();
  };

  const sendError = (res: http.ServerResponse, error: AppError) => {
    const envelope: Envelope = { ok: false, error: error.toPayload() };
    send(res, statusByError[error.code] ?? 422, JSON.stringify(envelope), jsonType);
  };

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      return sendError(res, new AppError('forbidden', { detail: `unexpected Host “${host}”` }));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${HOST}:${port}` && origin !== `http://localhost:${port}`) {
      return sendError(res, new AppError('forbidden', { detail: `cross-site Origin “${origin}”` }));
    }
    const url = new URL(req.url ?? '/', `http://${host}`);

    // First visit: trade the token in the URL for a cookie, then drop it from the address bar.
    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined)) return sendError(res, new AppError('unauthorized'));
      return send(res, 302, '', 'text/plain', {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const cookie = parseCookies(req.headers.cookie)[COOKIE];
    if (!tokenMatches(bearer) && !tokenMatches(cookie)) return sendError(res, new AppError('unauthorized'));

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, new AppError('forbidden', { detail: 'the API takes POST only' }));
      const op = decodeURIComponent(url.pathname.slice('/api/'.length));
      return void readBody(req, maxBody)
        .then(async (body) => {
          let input: unknown;
          const withBytes = req.headers['content-type'] === bytesBodyType;
          try {
            if (withBytes) input = inputFromBody((name) => req.headers[name.toLowerCase()] as string | undefined, body);
            else input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
          } catch (error) {
            return sendError(res, new AppError('validation', { op, detail: withBytes ? (error as Error).message : 'the request body is not valid JSON' }));
          }
          const envelope = await dispatch(op, input);
          const field = isOpName(op) ? contract[op].body : undefined;
          if (envelope.ok && field) {
            // A file written elsewhere (an export to `out`) leaves the field null: the rest goes as JSON.
            const { [field]: file, ...rest } = envelope.result as Record<string, unknown>;
            if (file instanceof FilePieces || file instanceof Uint8Array) return sendFile(res, rest, field, file);
          }
          await sendJson(res, envelope.ok ? 200 : (statusByError[envelope.error.code] ?? 422), envelope);
        })
        .catch((error: unknown) => sendError(res, error instanceof AppError ? error : new AppError('internal', { detail: String(error) })));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, new AppError('forbidden', { detail: 'method not allowed' }));
    const file = resolveStatic(staticRoot, url.pathname);
    if (!file) return sendError(res, new AppError('not_found', { what: 'File', name: url.pathname }));
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    send(res, 200, fs.readFileSync(file), type, { 'Cache-Control': 'no-cache' });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://${HOST}:${port}/`;
      resolve({
        url,
        openUrl: `${url}?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A file under the static root, or null; `..` and encoded separators cannot leave the root. */
export function resolveStatic(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return cookies;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(new AppError('too_large', { limit }));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Stop buffering; the rest is drained and dropped while the 413 goes out.
      req.off('data', onData);
      chunks.length = 0;
      req.resume();
      reject(new AppError('too_large', { limit }));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
