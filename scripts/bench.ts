/**
 * `npm run bench [-- --docs N --words W --codings C]`
 *
 * Imports N synthetic transcripts, applies C codings per document through the
 * dispatcher (one transaction per coding, as a researcher's clicks are),
 * computes co-occurrence and exports the codings CSV. Each step is printed next
 * to the floor: the same rows inserted with raw better-sqlite3 into the same
 * schema in one transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Core } from '../electron/core/core';
import { call } from '../electron/core/dispatcher';
import { openProjectFile } from '../electron/core/store/projectFile';
import { codePointLength } from '../shared/text/codepoints';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100' },
    words: { type: 'string', default: '5000' },
    codings: { type: 'string', default: '50' },
    codes: { type: 'string', default: '30' },
  },
});
const docCount = Number(values.docs);
const wordCount = Number(values.words);
const codingsPerDoc = Number(values.codings);
const codeCount = Number(values.codes);

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same work. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = (
  'saya kami mereka tidak yang dengan untuk ada ini itu sudah karena jadi bisa harus kerja uang keluarga anak klien ' +
  'aplikasi ojek desain penghasilan tidak menentu persaingan jaringan komunitas belajar platform bayar bulan ramai sepi ' +
  'the and of to that it was for with work money family client platform income flexible network learn pay month café 😅'
).split(' ');

function transcript(random: () => number, words: number): string {
  const lines: string[] = [];
  let total = 0;
  for (let turn = 0; total < words; turn++) {
    const n = 8 + Math.floor(random() * 60);
    const body = Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
    lines.push(`${turn % 2 === 0 ? 'Pewawancara' : 'Informan'}: ${body}.`);
    total += n;
  }
  return lines.join('\n');
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-bench-'));
const random = rng(1);
const texts = Array.from({ length: docCount }, () => transcript(random, wordCount));
const files = texts.map((text, i) => {
  const file = path.join(dir, `interview-${String(i + 1).padStart(4, '0')}.txt`);
  fs.writeFileSync(file, text);
  return file;
});
const plan = texts.flatMap((text, doc) => {
  const length = codePointLength(text);
  return Array.from({ length: codingsPerDoc }, () => {
    const start = Math.floor(random() * (length - 400));
    return { doc, code: Math.floor(random() * codeCount), start, end: start + 20 + Math.floor(random() * 380) };
  });
});

// Tematik, through the dispatcher.
const core = new Core({ shell: 'cli', resourceDir: path.resolve(import.meta.dirname, '..'), sampleDir: dir, fallbackCoder: 'bench' });
await call(core, 'project.create', { path: path.join(dir, 'bench.tematik') });
const [, importMs] = await timeAsync(() => call(core, 'documents.importFiles', { paths: files }));
const documentIds = (await call(core, 'documents.list', {})).map((d) => d.id);
const codeIds: number[] = [];
for (let i = 0; i < codeCount; i++) codeIds.push((await call(core, 'codes.create', { name: `Code ${i + 1}` })).id);
const codingTimes: number[] = [];
const [, codingMs] = await timeAsync(async () => {
  for (const p of plan) {
    const start = performance.now();
    await call(core, 'codings.create', { documentId: documentIds[p.doc]!, codeId: codeIds[p.code]!, start: p.start, end: p.end });
    codingTimes.push(performance.now() - start);
  }
});
const [pairs, coocMs] = await timeAsync(() => call(core, 'analysis.cooccurrence', {}));
const [csv, exportMs] = await timeAsync(() => call(core, 'export.codingsCsv', {}));
core.close();

// The floor: the same rows, raw better-sqlite3, one transaction per step, same schema.
const floorDb = openProjectFile(path.join(dir, 'floor.tematik'), { create: true });
const [, floorImportMs] = time(() => {
  const insert = floorDb.prepare('INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length) VALUES (?, ?, ?, ?, ?, ?, ?)');
  floorDb.transaction(() => texts.forEach((text, i) => insert.run(`u${i}`, `d${i}`, `d${i}.txt`, `h${i}`, '', text, codePointLength(text))))();
});
floorDb.exec("INSERT INTO coders(name) VALUES ('bench')");
const insertCode = floorDb.prepare("INSERT INTO codes(uuid, name, color) VALUES (?, ?, '#000000')");
floorDb.transaction(() => codeIds.forEach((_, i) => insertCode.run(`c${i}`, `Code ${i + 1}`)))();
const [, floorCodingMs] = time(() => {
  const insert = floorDb.prepare('INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)');
  floorDb.transaction(() => plan.forEach((p, i) => insert.run(`k${i}`, p.doc + 1, p.code + 1, p.start, p.end, '')))();
});
floorDb.close();
fs.rmSync(dir, { recursive: true, force: true });

const rows = [
  ['import', importMs, floorImportMs],
  ['codings', codingMs, floorCodingMs],
  ['co-occurrence', coocMs, null],
  ['export CSV', exportMs, null],
] as const;
console.log(`Tematik bench: ${docCount} transcripts × ${wordCount} words, ${plan.length} codings, ${codeCount} codes (${os.cpus().length} cores, Node ${process.version})`);
console.log('step            tematik ms   floor ms   ratio');
for (const [step, ms, floor] of rows) {
  console.log(`${step.padEnd(15)} ${ms.toFixed(1).padStart(10)} ${floor === null ? '         -' : floor.toFixed(1).padStart(10)}   ${floor === null ? '-' : (ms / floor).toFixed(2)}`);
}
console.log(`coding through the dispatcher: p50 ${percentile(codingTimes, 50).toFixed(3)} ms, p95 ${percentile(codingTimes, 95).toFixed(3)} ms (each its own durable transaction)`);
console.log(`co-occurrence pairs: ${pairs.length}; CSV: ${(csv.csv.length / 1e6).toFixed(1)} MB`);
