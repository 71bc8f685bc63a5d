/**
 * Agreement at the scale of a team's reliability check: two coders over N
 * transcripts and 30 codes (the second coder's codings a perturbed copy of
 * the first's: some moved, some dropped, some added), compared at each unit
 * with the default 1,000 bootstrap samples; then α with 1,000 samples on a
 * reliability table the researcher brings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../electron/core/dispatcher';
import { reliability } from '../../shared/reliability/metrics';
import { benchCore, percentile, rng, tempDir, timed, transcript } from './common';

export async function benchAgreement(docCount: number, wordCount: number, codingsPerDoc: number): Promise<void> {
  const dir = tempDir('agreement');
  const random = rng(7);
  fs.mkdirSync(path.join(dir, 'txt'));
  for (let i = 0; i < docCount; i++) fs.writeFileSync(path.join(dir, 'txt', `interview-${String(i + 1).padStart(3, '0')}.txt`), transcript(random, wordCount));
  const core = benchCore(dir);
  await call(core, 'project.create', { path: path.join(dir, 'agreement.tematik') });
  await call(core, 'documents.importFiles', { paths: [path.join(dir, 'txt')] });
  const documents = await call(core, 'documents.list', {});
  const codeIds: number[] = [];
  for (let i = 0; i < 30; i++) codeIds.push((await call(core, 'codes.create', { name: `Code ${i + 1}` })).id);
  for (const coder of ['Ayu', 'Budi']) {
    const mine = rng(11);
    const other = rng(coder === 'Ayu' ? 12 : 13);
    for (const doc of documents) {
      for (let k = 0; k < codingsPerDoc; k++) {
        const start = Math.floor(mine() * (doc.length - 400));
        const end = start + 20 + Math.floor(mine() * 300);
        const codeId = codeIds[Math.floor(mine() * codeIds.length)]!;
        if (coder === 'Budi' && other() < 0.1) continue;
        const shift = coder === 'Budi' && other() < 0.3 ? Math.floor(other() * 60) : 0;
        await call(core, 'codings.create', { documentId: doc.id, codeId, start: start + shift, end: Math.min(doc.length, end + shift), coder });
      }
    }
  }
  const total = documents.length * codingsPerDoc;
  console.log(`\n## Agreement: 2 coders, ${documents.length} documents × ${wordCount} words, ~${total} codings each over 30 codes, 1,000 bootstrap samples`);
  for (const unit of ['character', 'word', 'sentence', 'turn', 'segment'] as const) {
    const times: number[] = [];
    let pooled = 0;
    for (let run = 0; run < 3; run++) {
      const [report, ms] = await timed(() => call(core, 'analysis.agreement', { coders: ['Ayu', 'Budi'], unit }));
      times.push(ms);
      pooled = report.pooled.kappa ?? report.pooled.percent ?? 0;
    }
    console.log(`agreement ${unit.padEnd(9)} median ${percentile(times, 50).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)} ms), pooled ${pooled.toFixed(3)}`);
  }
  const [found, disagreementMs] = await timed(() => call(core, 'analysis.disagreements', { coders: ['Ayu', 'Budi'] }));
  console.log(`disagreements: ${found.total} passages in ${disagreementMs.toFixed(0)} ms`);
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });

  // A reliability table: 1,000 units, 3 coders, 5 categories, some missing.
  const table = Array.from({ length: 1000 }, () => {
    const truth = String(1 + Math.floor(random() * 5));
    return Array.from({ length: 3 }, () => (random() < 0.05 ? null : random() < 0.8 ? truth : String(1 + Math.floor(random() * 5))));
  });
  for (const level of ['nominal', 'interval'] as const) {
    const [result, ms] = await timed(() => reliability(table, 'krippendorff', { level, samples: 1000 }));
    console.log(`Krippendorff’s α ${level} on 1,000 units × 3 coders with 1,000 bootstrap samples: ${ms.toFixed(0)} ms (α = ${result.value!.toFixed(3)})`);
  }
}
