/**
 * Many clients at once on one project in browser mode: N concurrent clients
 * (each its own keep-alive connection) share M coding operations, then every
 * acknowledged coding is looked for in the project. Reports errors, p50/p95
 * latency and throughput.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Client } from 'undici';
import { apiConnection, callApi, startBrowserMode } from './browserMode';
import { percentile } from './common';

export interface LoadReport {
  clients: number;
  operations: number;
  errors: string[];
  missing: number;
  p50_ms: number;
  p95_ms: number;
  per_second: number;
  server_peak_rss_mb: number | null;
}

export async function runLoad(clients: number, operations: number): Promise<LoadReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-load-'));
  const project = path.join(dir, 'load.tematik');
  const server = await startBrowserMode(project, ['--sample', '--lang', 'en']);
  const { child } = server;
  try {
    const request = (connection: Client, op: string, input: unknown) => callApi(server, connection, op, input);
    const setup = apiConnection(server);
    const documents = (await request(setup, 'documents.list', {})) as { ok: true; result: { id: number; length: number }[] };
    const codes = (await request(setup, 'codes.list', {})) as { ok: true; result: { id: number }[] };
    const latencies: number[] = [];
    const errors: string[] = [];
    const acknowledged: string[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const connection = apiConnection(server);
        for (let i = next++; i < operations; i = next++) {
          const doc = documents.result[(i + c) % documents.result.length]!;
          const start = (i * 37) % (doc.length - 80);
          const t = performance.now();
          try {
            const envelope = await request(connection, 'codings.create', { documentId: doc.id, codeId: codes.result[i % codes.result.length]!.id, start, end: start + 20 + (i % 50), coder: `client ${c + 1}` });
            latencies.push(performance.now() - t);
            if (envelope.ok) acknowledged.push((envelope.result as { uuid: string }).uuid);
            else errors.push(envelope.error.message);
          } catch (error) {
            errors.push(String(error));
          }
        }
        await connection.close();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    let rss: number | null = null;
    try {
      rss = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
    } catch {
      // Not Linux: no figure.
    }
    await setup.close();
    await server.stop();
    const db = new Database(project, { readonly: true });
    const has = db.prepare('SELECT 1 FROM codings WHERE uuid = ?').pluck();
    const missing = acknowledged.filter((u) => !has.get(u)).length;
    db.close();
    return {
      clients,
      operations,
      errors: errors.slice(0, 10),
      missing,
      p50_ms: Number(percentile(latencies, 50).toFixed(2)),
      p95_ms: Number(percentile(latencies, 95).toFixed(2)),
      per_second: Math.round(operations / seconds),
      server_peak_rss_mb: rss === null ? null : Number(rss.toFixed(1)),
    };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLoad(clients: number, operations: number): Promise<void> {
  console.log(`\n## Load: ${clients} concurrent clients, ${operations} codings on one project over HTTP`);
  console.log(JSON.stringify(await runLoad(clients, operations), null, 2));
}
