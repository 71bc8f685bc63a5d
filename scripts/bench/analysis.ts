/**
 * Analysis at scale: N documents with C codings each (100,000 in all by
 * default) over 30 codes, then each co-occurrence rule, the frequency
 * tables, the full mixed-methods export (with its cost per coding row) and
 * a chapter report.
 */
import path from 'node:path';
import fs from 'node:fs';
import { call } from '../../electron/core/dispatcher';
import { benchCore, percentile, rng, tempDir, timed, transcript } from './common';

export async function benchAnalysis(docCount: number, wordCount: number, codingsPerDoc: number): Promise<void> {
  const dir = tempDir('analysis');
  const random = rng(4);
  fs.mkdirSync(path.join(dir, 'txt'));
  for (let i = 0; i < docCount; i++) fs.writeFileSync(path.join(dir, 'txt', `interview-${String(i + 1).padStart(4, '0')}.txt`), transcript(random, wordCount));
  const core = benchCore(dir);
  await call(core, 'project.create', { path: path.join(dir, 'analysis.tematik') });
  await call(core, 'coder.set', { name: 'bench' });
  await call(core, 'documents.importFiles', { paths: [path.join(dir, 'txt')] });
  const documents = await call(core, 'documents.list', {});
  const codeIds: number[] = [];
  for (let i = 0; i < 30; i++) codeIds.push((await call(core, 'codes.create', { name: `Code ${i + 1}` })).id);
  const byCode = new Map<number, { documentId: number; start: number; end: number }[]>();
  for (const doc of documents) {
    for (let k = 0; k < codingsPerDoc; k++) {
      const start = Math.floor(random() * (doc.length - 400));
      const codeId = codeIds[Math.floor(random() * codeIds.length)]!;
      byCode.set(codeId, [...(byCode.get(codeId) ?? []), { documentId: doc.id, start, end: start + 20 + Math.floor(random() * 300) }]);
    }
  }
  for (const [codeId, passages] of byCode) await call(core, 'codings.createMany', { codeId, passages });
  const total = documents.length * codingsPerDoc;

  console.log(`\n## Analysis: ${documents.length} documents × ${wordCount} words, ${total} codings over 30 codes`);
  for (const rule of ['overlap', 'near:100', 'turn', 'document', 'case']) {
    const times: number[] = [];
    let pairs = 0;
    for (let run = 0; run < 5; run++) {
      const [result, ms] = await timed(() => call(core, 'analysis.cooccurrence', { rule }));
      times.push(ms);
      pairs = result.length;
    }
    console.log(`co-occurrence ${rule.padEnd(9)} median ${percentile(times, 50).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)} ms), ${pairs} pairs`);
  }
  const [, frequencyMs] = await timed(() => call(core, 'analysis.frequencies', {}));
  const [, matrixMs] = await timed(() => call(core, 'analysis.matrix', { cols: 'cases' }));
  console.log(`frequencies ${frequencyMs.toFixed(0)} ms; code × case matrix ${matrixMs.toFixed(0)} ms`);
  const codingsRuns: number[] = [];
  let codingsBytes = 0;
  for (let run = 0; run < 5; run++) {
    const [file, ms] = await timed(() => call(core, 'export.datasetFile', { name: 'codings.csv' }));
    codingsRuns.push(ms);
    codingsBytes = file.content.length;
  }
  const codingsMs = percentile(codingsRuns, 50);
  // The first run builds the rows; the others reuse them until the project changes.
  console.log(
    `codings.csv: first (cold) ${codingsRuns[0]!.toFixed(0)} ms, ${((1000 * codingsRuns[0]!) / total).toFixed(2)} µs per row; median of 5 ${codingsMs.toFixed(0)} ms, ${((1000 * codingsMs) / total).toFixed(2)} µs per row (${(codingsBytes / 1e6).toFixed(1)} MB)`,
  );
  const names = await call(core, 'export.datasetFiles', {});
  const [, exportMs] = await timed(async () => {
    for (const name of names) await call(core, 'export.datasetFile', { name });
  });
  console.log(`whole dataset (${names.length} files): ${(exportMs / 1000).toFixed(1)} s, ${((1000 * exportMs) / total).toFixed(1)} µs per coding`);
  for (const format of ['md', 'docx'] as const) {
    const [, reportMs] = await timed(() => call(core, 'report.build', { themes: codeIds.slice(0, 5), lang: 'en', format }));
    console.log(`chapter report (5 themes, ${format}): ${reportMs.toFixed(0)} ms`);
  }
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
