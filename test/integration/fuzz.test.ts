import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goodFiles, surveyFile, writeCorpus } from '../../fixtures/import-corpus/corpus';
import { fuzzImporters } from '../helpers/fuzz';

// A sample for the suite; `npm run fuzz` runs thousands.
const RUNS_PER_FORMAT = 150;

describe('importers under random and mutated input', () => {
  it('either import or refuse with a named error, never crash or hang', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-fuzz-'));
    await writeCorpus(dir);
    const seeds = [...goodFiles.map((g) => g.file), surveyFile].map((file) => ({ name: file, bytes: new Uint8Array(fs.readFileSync(path.join(dir, file))) }));
    fs.rmSync(dir, { recursive: true, force: true });
    const result = await fuzzImporters(seeds, RUNS_PER_FORMAT);
    expect(result.crashes).toEqual([]);
    expect(result.runs).toBe(seeds.length * RUNS_PER_FORMAT);
    expect(result.refused).toBeGreaterThan(0);
    expect(result.imported).toBeGreaterThan(0);
    expect(result.slowestMs).toBeLessThan(10_000);
  });
});
