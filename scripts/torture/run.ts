/**
 * Kills a working Tematik process with SIGKILL at random moments and checks
 * the project after every kill: it opens, passes SQLite's integrity and
 * foreign-key checks, and holds every document, code and coding the process
 * acknowledged before it died. `npm run torture -- --kills 1000`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';

export interface TortureReport {
  kills: number;
  failures: string[];
  acknowledged: { documents: number; codes: number; codings: number };
  seconds: number;
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** The child bundled once, so that each start costs a Node start rather than a TypeScript compile. */
async function bundleChild(): Promise<string> {
  // Inside the repository, so that its packages resolve from node_modules.
  const out = path.join(root, 'out', 'torture', 'child.mjs');
  await build({ entryPoints: [path.join(root, 'scripts', 'torture', 'child.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return out;
}

function transcripts(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const words = 'saya kerja ojek daring pendapatan tidak pasti keluarga anak klien aplikasi desain bayar bulan ramai sepi komunitas'.split(' ');
  for (let i = 0; i < count; i++) {
    const lines = Array.from({ length: 40 }, (_, t) => `${t % 2 ? 'Informan' : 'Pewawancara'}: ${Array.from({ length: 30 }, (_, w) => words[(i * 7 + t * 3 + w) % words.length]).join(' ')}.`);
    fs.writeFileSync(path.join(dir, `interview-${i + 1}.txt`), lines.join('\n'));
  }
}

/**
 * A child codes about 2,000 passages a second, so one project would hold
 * millions of codings after a thousand kills and each check would take
 * minutes. Every `killsPerProject` kills (20) the run starts a fresh project; each
 * check still covers everything acknowledged into the project it checks.
 */
export async function torture(kills: number, options: { minMs?: number; maxMs?: number; killsPerProject?: number; log?: (line: string) => void } = {}): Promise<TortureReport> {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-torture-'));
  const child = await bundleChild();
  const folder = path.join(dir, 'txt');
  transcripts(folder, 20);
  const perProject = options.killsPerProject ?? 20;
  const totals = { documents: 0, codes: 0, codings: 0 };
  let project = '';
  let acked = { documents: new Set<string>(), codes: new Set<string>(), codings: new Set<string>() };
  const failures: string[] = [];
  const [minMs, maxMs] = [options.minMs ?? 250, options.maxMs ?? 2500];
  for (let kill = 0; kill < kills; kill++) {
    if (kill % perProject === 0) {
      if (project) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(project + suffix, { force: true });
      project = path.join(dir, `torture-${kill / perProject + 1}.tematik`);
      totals.documents += acked.documents.size;
      totals.codes += acked.codes.size;
      totals.codings += acked.codings.size;
      acked = { documents: new Set(), codes: new Set(), codings: new Set() };
    }
    const proc = spawn(process.execPath, [child, project, folder, '100000', String(kill + 1)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    // The random moment is counted from the child's first acknowledgement, so that a slow start on a busy machine still gets killed mid-work.
    let working: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (working = resolve));
    proc.stdout.on('data', (chunk: Buffer) => {
      working();
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, value] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
        if (kind === 'document') acked.documents.add(value);
        else if (kind === 'code') acked.codes.add(value);
        else if (kind === 'coding') acked.codings.add(value);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
    await Promise.race([started, exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    await new Promise((resolve) => setTimeout(resolve, minMs + Math.random() * (maxMs - minMs)));
    proc.kill('SIGKILL');
    await exited;
    // A line the child had written in full before it died counts; a torn last line does not.
    if (stderr.trim()) failures.push(`kill ${kill + 1}: the child reported ${stderr.trim().split('\n')[0]}`);
    const problem = verify(project, acked);
    if (problem) failures.push(`kill ${kill + 1}: ${problem}`);
    options.log?.(`kill ${kill + 1}/${kills}: ${totals.codings + acked.codings.size} codings acknowledged so far${problem ? ` — ${problem}` : ''}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const acknowledged = { documents: totals.documents + acked.documents.size, codes: totals.codes + acked.codes.size, codings: totals.codings + acked.codings.size };
  return { kills, failures, acknowledged, seconds: (Date.now() - started) / 1000 };
}

function verify(project: string, acked: { documents: Set<string>; codes: Set<string>; codings: Set<string> }): string | null {
  if (!fs.existsSync(project)) return acked.codings.size || acked.documents.size ? 'the project file is gone' : null;
  const db = new Database(project);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `integrity check: ${String(integrity)}`;
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) return `${fk.length} foreign-key problems`;
    const names = new Set(db.prepare('SELECT name FROM documents').pluck().all() as string[]);
    const missingDocs = [...acked.documents].filter((d) => !names.has(d));
    if (missingDocs.length) return `acknowledged documents missing: ${missingDocs.slice(0, 3).join(', ')}`;
    const has = (table: string) => db.prepare(`SELECT 1 FROM ${table} WHERE uuid = ?`).pluck();
    const missingCodes = [...acked.codes].filter((u) => !has('codes').get(u));
    if (missingCodes.length) return `${missingCodes.length} acknowledged codes missing`;
    const coding = has('codings');
    const missing = [...acked.codings].filter((u) => !coding.get(u));
    if (missing.length) return `${missing.length} acknowledged codings missing`;
    return null;
  } catch (error) {
    return `the project does not open: ${(error as Error).message}`;
  } finally {
    db.close();
  }
}
