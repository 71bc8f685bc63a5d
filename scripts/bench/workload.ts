/**
 * The shared coding workload (`npm run bench -- --workload DIR`, DIR written
 * by the peers' gen_workload.py): run through browser mode's HTTP API as a
 * user's browser would — one sequential keep-alive connection, the token as
 * a bearer header — then the same phases in-process through the dispatcher,
 * so the transport's share is visible. Phases: create the codes, import every
 * .txt (in the renderer's uploads: up to 64 transcripts a request, their bytes as the request body), apply every planned coding (one request per
 * plan entry, all its codes at once), export all codings as CSV; then the
 * analyses a researcher re-runs (co-occurrence, search, word frequencies,
 * the full dataset). The result is verified against the plan and printed as
 * JSON. The import is then run twice more each way, alone in a new project,
 * so that it is compared with the floor as a median of three, as the floor is.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { OpName, OpResult } from '../../shared/api/contract';
import { call } from '../../electron/core/dispatcher';
import { openProjectFile } from '../../electron/core/store/projectFile';
import { codePointLength } from '../../shared/text/codepoints';
import { uploadBatches } from '../../shared/import/uploadBatches';
import { apiConnection, callApi, startBrowserMode } from './browserMode';
import { benchCore, percentile, repoRoot } from './common';

interface PlanEntry {
  doc: string;
  start: number;
  end: number;
  tags: string[];
}

interface Workload {
  manifestSha256: string;
  tags: { name: string; description: string }[];
  plan: PlanEntry[];
  docs: { name: string; fileName: string; text: string; bytes: Buffer }[];
}

type Caller = <K extends OpName>(op: K, input: unknown) => Promise<OpResult<K>>;

function readWorkload(dir: string): Workload {
  const manifest = fs.readFileSync(path.join(dir, 'manifest.json'));
  const docsDir = path.join(dir, 'docs');
  return {
    manifestSha256: createHash('sha256').update(manifest).digest('hex'),
    tags: JSON.parse(fs.readFileSync(path.join(dir, 'tags.json'), 'utf8')),
    plan: JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8')),
    docs: fs
      .readdirSync(docsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((fileName) => {
        const bytes = fs.readFileSync(path.join(docsDir, fileName));
        return { name: fileName.replace(/\.txt$/, ''), fileName, text: bytes.toString('utf8'), bytes };
      }),
  };
}

const ms = (start: number) => performance.now() - start;
const stats = (times: number[]) => ({ n: times.length, p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), max_ms: round(Math.max(...times)) });
const round = (v: number, digits = 3) => Number(v.toFixed(digits));

/** Every transcript imported, in the uploads the renderer sends for the same files picked at once; each upload's time. */
async function importAll(run: Caller, w: Workload): Promise<number[]> {
  const times: number[] = [];
  for (const batch of uploadBatches(w.docs.map((doc) => ({ name: doc.fileName, size: doc.bytes.byteLength, doc })))) {
    const s = performance.now();
    const outcomes = await run('documents.importUploads', { files: batch.map(({ doc }) => ({ fileName: doc.fileName, bytes: doc.bytes })) });
    times.push(ms(s));
    const refused = outcomes.find((outcome) => outcome.status !== 'imported');
    if (refused || outcomes.length !== batch.length) throw new Error(`not every file was imported: ${JSON.stringify(refused ?? outcomes)}`);
  }
  return times;
}

/**
 * The import alone, into a new project: over HTTP in a browser-mode server
 * started for it, or in-process. Seconds, as the phase counts them (the
 * uploads and the document list that follows).
 */
async function importPass(dir: string, w: Workload, over: 'http' | 'in-process', pass: number): Promise<number> {
  const project = path.join(dir, `import-${over}-${pass}.tematik`);
  const timed = async (run: Caller) => {
    const start = performance.now();
    await importAll(run, w);
    await run('documents.list', {});
    return ms(start) / 1000;
  };
  if (over === 'http') {
    const server = await startBrowserMode(project);
    try {
      return await timed(httpCaller(server));
    } finally {
      await server.stop();
    }
  }
  const core = benchCore(dir);
  try {
    await call(core, 'project.create', { path: project });
    return await timed((op, input) => call(core, op, input));
  } finally {
    core.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Every phase of the workload through one caller; what it measured, and the CSV it exported. */
async function runPhases(run: Caller, w: Workload, mark: (phase: string) => void = () => {}) {
  const phases: Record<string, number> = {};
  const ops: Record<string, ReturnType<typeof stats>> = {};

  let t = performance.now();
  const codeIds = new Map<string, number>();
  const codeTimes: number[] = [];
  for (const tag of w.tags) {
    const s = performance.now();
    codeIds.set(tag.name, (await run('codes.create', { name: tag.name, description: tag.description })).id);
    codeTimes.push(ms(s));
  }
  phases.codes_s = ms(t) / 1000;
  mark('codes');
  ops['codes.create'] = stats(codeTimes);

  t = performance.now();
  const documentIds = new Map<string, number>();
  const importTimes = await importAll(run, w);
  for (const d of await run('documents.list', {})) documentIds.set(d.name, d.id);
  phases.import_s = ms(t) / 1000;
  mark('import');
  ops['documents.importUploads'] = stats(importTimes);

  t = performance.now();
  const codingTimes: number[] = [];
  for (const entry of w.plan) {
    const s = performance.now();
    await run('codings.apply', { documentId: documentIds.get(entry.doc), start: entry.start, end: entry.end, codeIds: entry.tags.map((tag) => codeIds.get(tag)) });
    codingTimes.push(ms(s));
  }
  phases.codings_s = ms(t) / 1000;
  mark('codings');
  ops['codings.apply'] = stats(codingTimes);

  t = performance.now();
  const { csv } = await run('export.codingsCsv', {});
  phases.export_s = ms(t) / 1000;
  mark('export');
  return { phases, ops, csv };
}

/** The analyses re-run after a coding session, timed (median and p95 where repeated). */
async function runAnalyses(run: Caller, mark: (phase: string) => void) {
  const cooccurrence: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await run('analysis.cooccurrence', {});
    cooccurrence.push(ms(s));
  }
  mark('analysis.cooccurrence');
  const terms = ['pendapatan', 'harga', 'keluarga', 'pemerintah', 'koperasi', 'harvest', 'debt', 'clinic', 'tabungan', 'merantau'];
  const firstSearch = performance.now();
  await run('search.text', { terms: terms[0], limit: 1000 });
  const indexMs = ms(firstSearch);
  const search: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const term of terms) {
      const s = performance.now();
      await run('search.text', { terms: term, limit: 1000 });
      search.push(ms(s));
    }
  }
  mark('search.text');
  const w = performance.now();
  await run('analysis.words', { top: 200 });
  const wordsMs = ms(w);
  mark('analysis.words');
  const d = performance.now();
  for (const name of await run('export.datasetFiles', {})) await run('export.datasetFile', { name });
  const datasetMs = ms(d);
  mark('export.dataset');
  return {
    'analysis.cooccurrence': stats(cooccurrence),
    'search.text': { ...stats(search), first_ms_with_indexing: round(indexMs) },
    'analysis.words_ms': round(wordsMs),
    'dataset_export_ms': round(datasetMs),
  };
}

/** Every planned coding present exactly once in the CSV, with the exact text of its range. */
function verify(w: Workload, csv: string): { ok: boolean; planned: number; rows: number; problems: string[] } {
  const texts = new Map(w.docs.map((d) => [d.name, [...d.text]]));
  const wanted = new Map<string, string>();
  for (const e of w.plan) for (const tag of e.tags) wanted.set(`${e.doc}\u0000${tag}\u0000${e.start}\u0000${e.end}`, texts.get(e.doc)!.slice(e.start, e.end).join(''));
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const row of rows) {
    const key = `${row.document}\u0000${row.code}\u0000${row.start}\u0000${row.end}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const text = wanted.get(key);
    if (text === undefined) problems.push(`unplanned row ${row.document} ${row.code} ${row.start}–${row.end}`);
    else if (row.text !== text) problems.push(`text of ${row.document} ${row.code} ${row.start}–${row.end} differs`);
  }
  for (const key of wanted.keys()) if (seen.get(key) !== 1) problems.push(`${key.replaceAll('\u0000', ' ')} present ${seen.get(key) ?? 0} times`);
  return { ok: problems.length === 0, planned: wanted.size, rows: rows.length, problems: problems.slice(0, 20) };
}

function httpCaller(server: { port: number; token: string }): Caller {
  const connection = apiConnection(server);
  return async <K extends OpName>(op: K, input: unknown) => {
    const envelope = await callApi(server, connection, op, input);
    if (!envelope.ok) throw new Error(`${op}: ${envelope.error.message}`);
    return envelope.result as OpResult<K>;
  };
}

function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? round(Number(kb) / 1024, 1) : null;
  } catch {
    return null;
  }
}

/** Inserting the same texts into the same table with raw better-sqlite3 in one transaction: the floor an import is measured against. */
function importFloorMs(dir: string, w: Workload, run: number): number {
  const db = openProjectFile(path.join(dir, `floor-${run}.tematik`), { create: true });
  const insert = db.prepare('INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const start = performance.now();
  db.transaction(() => w.docs.forEach((d, i) => insert.run(`u${i}`, d.name, d.fileName, `h${i}`, '', d.text, codePointLength(d.text))))();
  const elapsed = ms(start);
  db.close();
  return elapsed;
}

export async function benchWorkload(workloadDir: string): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'out', 'renderer', 'index.html'))) throw new Error('browser mode needs the built renderer: run `npm run build` first');
  const w = readWorkload(path.resolve(workloadDir));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-workload-'));
  try {
    // The floor is measured before, between and after the two runs, and the median taken: the machine's speed drifts within a run.
    const floors = [importFloorMs(dir, w, 1)];
    const server = await startBrowserMode(path.join(dir, 'http.tematik'));
    const started = performance.now();
    // The server's peak RSS as each phase ends: which one raised it.
    const peaks: Record<string, number | null> = {};
    const mark = (phase: string) => (peaks[phase] = peakRssMb(server.child.pid!));
    const overHttp = await runPhases(httpCaller(server), w, mark);
    const httpTotal = ms(started) / 1000;
    const httpVerified = verify(w, Buffer.from(overHttp.csv).toString('utf8'));
    const httpAnalyses = await runAnalyses(httpCaller(server), mark);
    const rss = peakRssMb(server.child.pid!);
    await server.stop();
    // One import is one sample, and the floor is the median of three: each import is also run twice more, alone, in a new project.
    const httpImports = [overHttp.phases.import_s!];
    for (let pass = 1; pass <= 2; pass++) httpImports.push(await importPass(dir, w, 'http', pass));
    floors.push(importFloorMs(dir, w, 2));

    const core = benchCore(dir);
    await call(core, 'project.create', { path: path.join(dir, 'in-process.tematik') });
    const run: Caller = (op, input) => call(core, op, input);
    const inProcessStart = performance.now();
    const inProcess = await runPhases(run, w);
    const inProcessTotal = ms(inProcessStart) / 1000;
    const inProcessVerified = verify(w, Buffer.from(inProcess.csv).toString('utf8'));
    core.close();
    const inProcessImports = [inProcess.phases.import_s!];
    for (let pass = 1; pass <= 2; pass++) inProcessImports.push(await importPass(dir, w, 'in-process', pass));

    floors.push(importFloorMs(dir, w, 3));
    const floorMs = median(floors);
    const summary = {
      workload: { manifest_sha256: w.manifestSha256, docs: w.docs.length, tags: w.tags.length, plan_entries: w.plan.length, codings: httpVerified.planned },
      http: {
        total_s: round(httpTotal),
        phases_s: Object.fromEntries(Object.entries(overHttp.phases).map(([k, v]) => [k.replace(/_s$/, ''), round(v)])),
        ops: overHttp.ops,
        verified: httpVerified,
        analyses: httpAnalyses,
        server_peak_rss_mb: rss,
        server_peak_rss_mb_after: peaks,
      },
      in_process: {
        total_s: round(inProcessTotal),
        phases_s: Object.fromEntries(Object.entries(inProcess.phases).map(([k, v]) => [k.replace(/_s$/, ''), round(v)])),
        ops: inProcess.ops,
        verified: { ok: inProcessVerified.ok, rows: inProcessVerified.rows, problems: inProcessVerified.problems },
      },
      import_floor: {
        raw_insert_ms: round(floorMs),
        raw_insert_runs_ms: floors.map((f) => round(f, 1)),
        http_import_runs_s: httpImports.map((v) => round(v)),
        in_process_import_runs_s: inProcessImports.map((v) => round(v)),
        http_import_ratio: round((median(httpImports) * 1000) / floorMs, 2),
        in_process_import_ratio: round((median(inProcessImports) * 1000) / floorMs, 2),
      },
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    if (!httpVerified.ok || !inProcessVerified.ok) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
