import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { call } from '../../electron/core/dispatcher';
import { startServer, type RunningServer } from '../../electron/server/httpServer';
import { bodyOfInput } from '../../shared/api/bytesBody';
import { resultFromBody } from '../../shared/api/fileBody';
import { repoRoot, writeFile } from '../helpers/tempProject';

let server: RunningServer;
let core: Core;

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-server-'));
  const staticDir = path.join(dir, 'static');
  writeFile(staticDir, 'index.html', '<!doctype html><title>t</title>');
  writeFile(dir, 'secret.txt', 'do not serve');
  core = new Core({ shell: 'browser', resourceDir: repoRoot, sampleDir: dir });
  await call(core, 'project.create', { path: path.join(dir, 's.tematik') });
  server = await startServer({ core, staticDir, maxBodyBytes: 1024 });
});

afterAll(async () => {
  await server.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${server.token}` });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses requests without the token or with a wrong one (401)', async () => {
    expect((await request({ method: 'POST', path: '/api/app.info' })).status).toBe(401);
    expect((await request({ method: 'POST', path: '/api/app.info', headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await request({ path: '/' })).status).toBe(401);
    expect((await request({ path: '/?token=wrong' })).status).toBe(401);
  });

  it('serves the API with the token', async () => {
    const res = await request({ method: 'POST', path: '/api/app.info', headers: auth() });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { shell: 'browser' } });
  });

  it('trades the token in the URL for an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await request({ path: `/?token=${server.token}` });
    expect(res.status).toBe(302);
    const cookie = res.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request({ path: '/', headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
  });

  it('refuses a foreign Host (DNS rebinding) and a cross-site Origin', async () => {
    expect((await request({ method: 'POST', path: '/api/app.info', headers: { ...auth(), Host: 'attacker.example:80' } })).status).toBe(403);
    expect((await request({ method: 'POST', path: '/api/app.info', headers: { ...auth(), Origin: 'http://attacker.example' } })).status).toBe(403);
    expect((await request({ method: 'POST', path: '/api/app.info', headers: { ...auth(), Origin: `http://127.0.0.1:${server.port}` } })).status).toBe(200);
  });

  it('validates input against the contract and refuses oversized bodies', async () => {
    const bad = await request({ method: 'POST', path: '/api/codes.create', headers: auth(), body: JSON.stringify({ name: '' }) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await request({ method: 'POST', path: '/api/codes.create', headers: auth(), body: '{not json' })).status).toBe(400);
    expect((await request({ method: 'POST', path: '/api/no.such.op', headers: auth(), body: '{}' })).status).toBe(404);
    expect((await request({ method: 'POST', path: '/api/codes.create', headers: auth(), body: JSON.stringify({ name: 'x'.repeat(5000) }) })).status).toBe(413);
    expect((await request({ method: 'GET', path: '/api/app.info', headers: auth() })).status).toBe(403);
  });

  it('takes an upload as the request body, byte for byte, and refuses an input that points outside it', async () => {
    const text = 'Rina: Saya ojek daring di Kupang 😅, “naik turun”.\nPewawancara: Baik.';
    const sent = bodyOfInput({ files: [{ fileName: 'rina – wawancara.txt', bytes: Buffer.from(text) }] })!;
    const upload = await request({ method: 'POST', path: '/api/documents.importUploads', headers: { ...auth(), ...sent.headers }, body: Buffer.concat(sent.parts) });
    expect(upload.status).toBe(200);
    const [outcome] = JSON.parse(upload.body).result;
    expect(outcome).toMatchObject({ status: 'imported', document: 'rina – wawancara' });
    const documents = await call(core, 'documents.list', {});
    const stored = await call(core, 'documents.get', { id: documents.find((d) => d.name === 'rina – wawancara')!.id });
    expect(stored.text).toBe(text);

    const outside = { ...sent.headers, 'X-Tematik-Input': encodeURIComponent(JSON.stringify({ files: [{ fileName: 'b.txt', bytes: { $bytes: [0, 5000] } }] })) };
    const refused = await request({ method: 'POST', path: '/api/documents.importUploads', headers: { ...auth(), ...outside }, body: Buffer.from('tiny') });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error.message).toContain('outside the 4-byte body');
    expect(await call(core, 'documents.list', {})).toHaveLength(documents.length);
  });

  it('puts together a body of declared length from the pieces it arrives in', async () => {
    const text = 'Yohanes: Kadang sepi 😔 — kadang ramai.\nPewawancara: Berapa jam sehari?\nYohanes: Sepuluh, kadang dua belas.';
    const sent = bodyOfInput({ files: [{ fileName: 'yohanes.txt', bytes: Buffer.from(text) }] })!;
    const body = Buffer.concat(sent.parts);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/documents.importUploads', headers: { Host: `127.0.0.1:${server.port}`, ...auth(), ...sent.headers, 'Content-Length': body.length } },
        (res) => res.resume().on('end', () => resolve(res.statusCode!)),
      );
      req.on('error', reject);
      // A few bytes at a time, apart, so that the server reads them as separate chunks (one cuts the emoji in two).
      void (async () => {
        for (let at = 0; at < body.length; at += 13) {
          req.write(body.subarray(at, at + 13));
          await new Promise((wait) => setTimeout(wait, 2));
        }
        req.end();
      })();
    });
    expect(status).toBe(200);
    const documents = await call(core, 'documents.list', {});
    expect((await call(core, 'documents.get', { id: documents.find((d) => d.name === 'yohanes')!.id })).text).toBe(text);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/static/../../secret.txt']) {
      const res = await request({ path: p, headers: auth() });
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('sends security headers with every response', async () => {
    const res = await request({ path: '/', headers: auth() });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('large responses', () => {
  // Emoji and curly quotes make it a two-byte string; its UTF-8 must survive being sent a slice at a time.
  const line = (i: number) => `Informan: kerja ojek “malam” ke-${i}, hujan 😅 "katanya"\n`;

  function post(op: string, input: unknown = {}): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${op}`, headers: { Host: `127.0.0.1:${server.port}`, ...auth(), 'Content-Type': 'application/json' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
  }

  it('sends an export as the file itself, of exactly the length it says, with the rest of the result in a header', async () => {
    // Four thousand rows: the file is written in pieces of a thousand.
    const text = Array.from({ length: 4_000 }, (_, i) => line(i)).join('');
    await call(core, 'documents.importUploads', { files: [{ fileName: 'long.txt', base64: Buffer.from(text).toString('base64') }] });
    const [doc] = await call(core, 'documents.list', {});
    const code = await call(core, 'codes.create', { name: 'Malam' });
    const length = line(0).length;
    await call(core, 'codings.createMany', { codeId: code.id, passages: Array.from({ length: 4_000 }, (_, i) => ({ documentId: doc!.id, start: i * length, end: i * length + 45 })) });
    const expected = await call(core, 'export.codingsCsv', {});
    const res = await post('export.codingsCsv');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(resultFromBody((name) => res.headers[name.toLowerCase()] as string | undefined, new Uint8Array(res.body))).toEqual({ ...expected, csv: new Uint8Array(expected.csv) });
    expect(Buffer.from(expected.csv).toString('utf8').split('\r\n')).toHaveLength(4_001);
  });

  it('streams any other result of more than a megabyte as JSON that parses to exactly what the dispatcher returned', async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => line(i)).join('');
    await call(core, 'documents.importUploads', { files: [{ fileName: 'longer.txt', base64: Buffer.from(text).toString('base64') }] });
    const doc = (await call(core, 'documents.list', {})).find((d) => d.name === 'longer')!;
    const expected = await call(core, 'documents.get', { id: doc.id });
    const res = await post('documents.get', { id: doc.id });
    expect(res.body.length).toBeGreaterThan(1 << 20);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ ok: true, result: expected });
  });
});
