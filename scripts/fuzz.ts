// `npm run fuzz [-- RUNS_PER_FORMAT [SEED]]`: the importer fuzz test at full size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goodFiles, surveyFile, writeCorpus } from '../fixtures/import-corpus/corpus';
import { fuzzImporters } from '../test/helpers/fuzz';

const runs = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-fuzz-'));
await writeCorpus(dir);
const seeds = [...goodFiles.map((g) => g.file), surveyFile].map((file) => ({ name: file, bytes: new Uint8Array(fs.readFileSync(path.join(dir, file))) }));
fs.rmSync(dir, { recursive: true, force: true });
const started = performance.now();
const result = await fuzzImporters(seeds, runs, seed);
console.log(
  `${result.runs} inputs over ${seeds.length} formats in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${result.imported} imported, ${result.refused} refused with a named error, ${result.crashes.length} crashes; slowest ${result.slowestMs.toFixed(0)} ms; ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
for (const crash of result.crashes.slice(0, 20)) console.log(`CRASH ${crash.name}: ${crash.error}`);
process.exit(result.crashes.length === 0 ? 0 : 1);
