/**
 * Importing at research-group scale: N plain-text transcripts and D Word files
 * through the dispatcher (one transaction per file, speakers detected, turns
 * and cases written), next to the floor of inserting the same texts with raw
 * better-sqlite3 into the same schema in one transaction. Peak memory is the
 * process's maximum resident set size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { call } from '../../electron/core/dispatcher';
import { openProjectFile } from '../../electron/core/store/projectFile';
import { normalizeImportedText, codePointLength } from '../../shared/text/codepoints';
import type { Core } from '../../electron/core/core';
import { benchCore, header, peakRssMb, percentile, rareWords, rng, row, tempDir, timed, transcript } from './common';

export async function benchImports(docCount: number, wordCount: number, docxCount: number): Promise<void> {
  const dir = tempDir('import');
  const random = rng(2);
  const texts = Array.from({ length: docCount }, () => transcript(random, wordCount));
  texts.forEach((text, i) => {
    const file = path.join(dir, 'txt', `interview-${String(i + 1).padStart(4, '0')}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  });
  // Texts of their own: the same text twice would be skipped as a duplicate.
  const docxTexts = Array.from({ length: docxCount }, () => transcript(random, wordCount));
  const docxFiles: string[] = [];
  for (const [i, text] of docxTexts.entries()) {
    const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
    const file = path.join(dir, 'docx', `word-${String(i + 1).padStart(4, '0')}.docx`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    docxFiles.push(file);
  }
  const rssBefore = peakRssMb();

  const core = benchCore(dir);
  await call(core, 'project.create', { path: path.join(dir, 'bench.tematik') });
  const [outcomes, textMs] = await timed(() => call(core, 'documents.importFiles', { paths: [path.join(dir, 'txt')] }));
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  const [docxOutcomes, docxMs] = docxCount ? await timed(() => call(core, 'documents.importFiles', { paths: [path.join(dir, 'docx')] })) : [[], 0];
  const turns = core.project!.db.prepare('SELECT coalesce(sum(turns), 0) FROM speaker_documents').pluck().get() as number;
  const search = await benchSearch(core);
  core.close();
  const rssAfter = peakRssMb();

  const floorDb = openProjectFile(path.join(dir, 'floor.tematik'), { create: true });
  const insert = floorDb.prepare('INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const [, floorMs] = await timed(() => floorDb.transaction(() => texts.forEach((text, i) => insert.run(`u${i}`, `d${i}`, `d${i}.txt`, `h${i}`, '', text, codePointLength(text))))());
  const [, floorDocxMs] = await timed(() =>
    floorDb.transaction(() => docxTexts.forEach((text, i) => insert.run(`w${i}`, `w${i}`, `w${i}.docx`, `hw${i}`, '', normalizeImportedText(text), codePointLength(text))))(),
  );
  floorDb.close();
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`\n## Import: ${docCount} text transcripts × ${wordCount} words (${megabytes.toFixed(0)} MB), ${docxCount} .docx`);
  console.log(header);
  console.log(row(`text (${imported} files)`, textMs, floorMs));
  if (docxCount) console.log(row(`docx (${docxOutcomes.filter((o) => o.status === 'imported').length} files)`, docxMs, floorDocxMs));
  console.log(`per text file: ${(textMs / docCount).toFixed(2)} ms; speaker turns written: ${turns}; peak RSS ${rssAfter} MB (before importing: ${rssBefore} MB)`);
  console.log(search);
}

/**
 * Stemmed full-text search over everything imported: the first search builds
 * the stem index (once per document, kept in the project); then each rare
 * term and a few common ones are searched the way the search pane does
 * (first 1,000 hits with context), three rounds each.
 */
async function benchSearch(core: Core): Promise<string> {
  const [, indexMs] = await timed(() => call(core, 'search.text', { terms: rareWords[0]!, limit: 1000 }));
  const rare: number[] = [];
  const common: number[] = [];
  let rareHits = 0;
  for (let round = 0; round < 3; round++) {
    for (const word of rareWords) {
      const [hits, ms] = await timed(() => call(core, 'search.text', { terms: word, limit: 1000 }));
      rare.push(ms);
      rareHits += round === 0 ? hits.length : 0;
    }
    for (const phrase of ['penghasilan', 'bekerja keluarga', 'flexible income', 'klien']) common.push((await timed(() => call(core, 'search.text', { terms: phrase, limit: 1000 })))[1]);
  }
  return [
    `search: first search (builds the stem index) ${(indexMs / 1000).toFixed(1)} s`,
    `rare terms (${rareWords.length}, ~${Math.round(rareHits / rareWords.length)} hits each): p50 ${percentile(rare, 50).toFixed(0)} ms, p95 ${percentile(rare, 95).toFixed(0)} ms`,
    `common terms (first 1,000 hits): p50 ${percentile(common, 50).toFixed(0)} ms, p95 ${percentile(common, 95).toFixed(0)} ms`,
  ].join('; ');
}
