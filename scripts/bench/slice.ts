/**
 * The foundation's slice: import N transcripts, apply C codings per document
 * through the dispatcher (one durable transaction per coding, as a
 * researcher's clicks are), compute co-occurrence and export the codings CSV.
 * Each write step is printed next to the floor: the same rows inserted with
 * raw better-sqlite3 into the same schema in one transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../../electron/core/dispatcher';
import { openProjectFile } from '../../electron/core/store/projectFile';
import { codePointLength } from '../../shared/text/codepoints';
import { benchCore, header, percentile, rng, row, tempDir, timed, transcript } from './common';

export async function benchSlice(docCount: number, wordCount: number, codingsPerDoc: number, codeCount: number): Promise<void> {
  const dir = tempDir('slice');
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

  const core = benchCore(dir);
  await call(core, 'project.create', { path: path.join(dir, 'bench.tematik') });
  const [, importMs] = await timed(() => call(core, 'documents.importFiles', { paths: files }));
  const documentIds = (await call(core, 'documents.list', {})).map((d) => d.id);
  const codeIds: number[] = [];
  for (let i = 0; i < codeCount; i++) codeIds.push((await call(core, 'codes.create', { name: `Code ${i + 1}` })).id);
  const codingTimes: number[] = [];
  const [, codingMs] = await timed(async () => {
    for (const p of plan) {
      const start = performance.now();
      await call(core, 'codings.create', { documentId: documentIds[p.doc]!, codeId: codeIds[p.code]!, start: p.start, end: p.end });
      codingTimes.push(performance.now() - start);
    }
  });
  const [pairs, coocMs] = await timed(() => call(core, 'analysis.cooccurrence', {}));
  const [csv, exportMs] = await timed(() => call(core, 'export.codingsCsv', {}));
  core.close();

  const floorDb = openProjectFile(path.join(dir, 'floor.tematik'), { create: true });
  const [, floorImportMs] = await timed(() => {
    const insert = floorDb.prepare('INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length) VALUES (?, ?, ?, ?, ?, ?, ?)');
    floorDb.transaction(() => texts.forEach((text, i) => insert.run(`u${i}`, `d${i}`, `d${i}.txt`, `h${i}`, '', text, codePointLength(text))))();
  });
  floorDb.exec("INSERT INTO coders(name) VALUES ('bench')");
  const insertCode = floorDb.prepare("INSERT INTO codes(uuid, name, color) VALUES (?, ?, '#000000')");
  floorDb.transaction(() => codeIds.forEach((_, i) => insertCode.run(`c${i}`, `Code ${i + 1}`)))();
  const [, floorCodingMs] = await timed(() => {
    const insert = floorDb.prepare('INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)');
    floorDb.transaction(() => plan.forEach((p, i) => insert.run(`k${i}`, p.doc + 1, p.code + 1, p.start, p.end, '')))();
  });
  floorDb.close();
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`\n## Slice: ${docCount} transcripts × ${wordCount} words, ${plan.length} codings, ${codeCount} codes (${os.cpus().length} cores, Node ${process.version})`);
  console.log(header);
  console.log(row('import', importMs, floorImportMs));
  console.log(row('codings', codingMs, floorCodingMs));
  console.log(row('co-occurrence', coocMs, null));
  console.log(row('export CSV', exportMs, null));
  console.log(`coding through the dispatcher: p50 ${percentile(codingTimes, 50).toFixed(3)} ms, p95 ${percentile(codingTimes, 95).toFixed(3)} ms (each its own durable transaction)`);
  console.log(`co-occurrence pairs: ${pairs.length}; CSV: ${(csv.csv.length / 1e6).toFixed(1)} MB`);
}
