/**
 * The analysis verbs of the CLI on the sample study: each table is compared
 * with an expected file in test/expected/cli/, and the main ones are also
 * recomputed here, independently, from the exported codings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, tematik } from '../helpers/cli';

let dir: string;
const run = (...args: string[]) => ok(dir, ...args);
const expected = (name: string) => path.join('..', 'expected', 'cli', name);

interface ExportedCoding {
  document: string;
  text: string;
  code: string;
  start: number;
  end: number;
  speaker: string | null;
}

let codings: ExportedCoding[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-cli-analysis-'));
  run('sample', 's.tematik', '--lang', 'en');
  codings = JSON.parse(run('list', 's.tematik', 'codings', '--json')) as ExportedCoding[];
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Pair counts recomputed the slow, obvious way. */
function naivePairs(test: (x: ExportedCoding, y: ExportedCoding) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < codings.length; i++) {
    for (let j = i + 1; j < codings.length; j++) {
      const [x, y] = [codings[i]!, codings[j]!];
      if (x.code === y.code || x.document !== y.document || !test(x, y)) continue;
      const key = [x.code, y.code].sort().join(' + ');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

const asMap = (rows: { a: string; b: string; count: number }[]) => new Map(rows.map((r) => [`${r.a} + ${r.b}`, r.count]));

describe('analysis from the command line', { timeout: 120_000 }, () => {
  it('counts overlapping and nearby codings exactly as a naive recount of the exported codings does', () => {
    const overlap = JSON.parse(run('cooccurrence', 's.tematik', '--json')) as { a: string; b: string; count: number; c: number; rule: string; n1: number; n2: number }[];
    expect(asMap(overlap)).toEqual(naivePairs((x, y) => x.start < y.end && y.start < x.end));
    expect(Object.keys(overlap[0]!)).toEqual(['a', 'b', 'count', 'c', 'rule', 'n1', 'n2', 'uneven']);
    const perCode = new Map<string, number>();
    for (const c of codings) perCode.set(c.code, (perCode.get(c.code) ?? 0) + 1);
    for (const pair of overlap) {
      expect(pair.rule).toBe('overlap');
      expect([pair.n1, pair.n2]).toEqual([perCode.get(pair.a), perCode.get(pair.b)]);
      expect(pair.c).toBeCloseTo(pair.count / (pair.n1 + pair.n2 - pair.count), 4);
    }
    const near = JSON.parse(run('cooccurrence', 's.tematik', '--rule', 'near:100', '--json')) as { a: string; b: string; count: number }[];
    expect(asMap(near)).toEqual(naivePairs((x, y) => Math.max(x.start, y.start) - Math.min(x.end, y.end) <= 100));
  });

  it('counts documents holding both codes under the document rule', () => {
    const byDocument = JSON.parse(run('cooccurrence', 's.tematik', '--rule', 'document', '--json')) as { a: string; b: string; count: number }[];
    const codesIn = new Map<string, Set<string>>();
    for (const c of codings) codesIn.set(c.document, (codesIn.get(c.document) ?? new Set()).add(c.code));
    const recount = new Map<string, number>();
    for (const codes of codesIn.values()) {
      const list = [...codes].sort();
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) recount.set(`${list[i]} + ${list[j]}`, (recount.get(`${list[i]} + ${list[j]}`) ?? 0) + 1);
    }
    expect(asMap(byDocument)).toEqual(recount);
  });

  it('gives code frequencies that match the exported codings', () => {
    const rows = JSON.parse(run('frequencies', 's.tematik', '--json')) as { code: string; codings: number; documents: number }[];
    for (const row of rows) {
      const mine = codings.filter((c) => c.code === row.code);
      expect([row.code, row.codings, row.documents]).toEqual([row.code, mine.length, new Set(mine.map((c) => c.document)).size]);
    }
  });

  it('writes the tables the thesis needs, as expected', async () => {
    await expect(run('cooccurrence', 's.tematik')).toMatchFileSnapshot(expected('cooccurrence-overlap.tsv'));
    await expect(run('cooccurrence', 's.tematik', '--rule', 'turn', '--csv')).toMatchFileSnapshot(expected('cooccurrence-turn.csv'));
    await expect(run('cooccurrence', 's.tematik', '--rule', 'case', '--where', 'generation=Gen Z', '--json')).toMatchFileSnapshot(expected('cooccurrence-case-genz.json'));
    await expect(run('frequencies', 's.tematik', '--by', 'generation', '--csv')).toMatchFileSnapshot(expected('frequencies-by-generation.csv'));
    await expect(run('matrix', 's.tematik', '--cols', 'cases', '--binary', '--csv')).toMatchFileSnapshot(expected('matrix-cases-binary.csv'));
    await expect(run('matrix', 's.tematik', '--cols', 'platform', '--json')).toMatchFileSnapshot(expected('matrix-platform.json'));
    await expect(run('words', 's.tematik', '--top', '25', '--csv')).toMatchFileSnapshot(expected('words-top25.csv'));
    await expect(run('words', 's.tematik', '--code', 'Income uncertainty', '--lang', 'id', '--top', '10', '--json')).toMatchFileSnapshot(expected('words-income-uncertainty.json'));
  });

  it('exports the mixed-methods dataset, also for Excel, with tables that agree with each other', () => {
    const written = run('export', 'csv', 's.tematik', '--out', 'plain');
    expect(written).toContain('codings-with-cases.csv');
    const read = (folder: string, name: string, delimiter = ',') => {
      const raw = fs.readFileSync(path.join(dir, folder, name), 'utf8');
      return { raw, table: Papa.parse<Record<string, string>>(raw.replace(/^\ufeff/, ''), { header: true, delimiter, skipEmptyLines: true }) };
    };
    const full = read('plain', 'codings-with-cases.csv').table;
    expect(full.data).toHaveLength(codings.length);
    expect(full.meta.fields).toEqual(expect.arrayContaining(['case', 'code_path', 'generation', 'platform']));
    expect(full.data.map((r) => r.text)).toEqual((JSON.parse(run('list', 's.tematik', 'codings', '--json')) as { text: string }[]).map((c) => c.text));
    // Presence in the code × case table agrees with the case counts of the frequency table.
    const presence = read('plain', 'code-case-presence.csv').table.data;
    const frequencies = read('plain', 'code-frequencies.csv').table.data;
    for (const row of frequencies) {
      const cells = presence.find((p) => p.path === row.path)!;
      const present = Object.entries(cells).filter(([k, v]) => k !== 'code' && k !== 'path' && v === '1').length;
      expect(present).toBe(Number(row.cases));
    }

    run('export', 'csv', 's.tematik', '--out', 'excel', '--excel');
    const excel = read('excel', 'code-by-generation.csv', ';');
    expect(excel.raw.startsWith('\ufeffcode;path;Gen Z (cases);Gen Z (%)')).toBe(true);
    expect(excel.raw).toMatch(/;66,7[;\r]/);
    expect(read('excel', 'codings.csv', ';').table.data).toHaveLength(codings.length);
    expect(tematik(dir, 'export', 'csv', 's.tematik', '--out', 'x', '--delimiter', '|')).toMatchObject({ code: 1, stderr: expect.stringContaining('use "," or ";"') });
  });

  it('writes a thematic summary as Markdown, HTML and Word, with every quote taken from the coded text', async () => {
    run('report', 's.tematik', '--themes', 'Income uncertainty,Strategies/Networking', '--by', 'generation', '--format', 'md', '--out', 'chapter.md');
    const markdown = fs.readFileSync(path.join(dir, 'chapter.md'), 'utf8');
    await expect(markdown).toMatchFileSnapshot(expected('report-income-networking.md'));
    const quotes = [...markdown.matchAll(/^> (?!— )(.+)$/gm)].map((m) => m[1]!);
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    const coded = codings.map((c) => c.text.replace(/\s*\n\s*/g, ' '));
    for (const quote of quotes) expect(coded).toContain(quote);
    expect([...markdown.matchAll(/^!\[(.+?)\]\(data:image\/svg\+xml;/gm)].map((m) => m[1])).toEqual([
      'Figure 1. Share of participants with each theme, by generation',
      'Figure 2. Themes coded on overlapping passages (number of pairs of codings)',
    ]);

    run('report', 's.tematik', '--themes', 'Challenges', '--lang', 'id', '--format', 'html', '--out', 'bab.html');
    const html = fs.readFileSync(path.join(dir, 'bab.html'), 'utf8');
    expect(html).toContain('<h1>Ringkasan tematik</h1>');
    expect(html).toContain('<h2>Challenges</h2>');

    run('report', 's.tematik', '--themes', 'Income uncertainty', '--format', 'docx', '--out', 'chapter.docx');
    const { value } = await mammoth.convertToHtml({ path: path.join(dir, 'chapter.docx') });
    expect(value).toContain('<h1>Income uncertainty</h1>');
    // One theme: the reach figure only, as SVG with its PNG fallback.
    expect(value.match(/<img /g)).toHaveLength(1);
    const media = Object.keys(unzipSync(fs.readFileSync(path.join(dir, 'chapter.docx')))).filter((name) => name.startsWith('word/media/'));
    expect(media.map((name) => name.split('.').pop()).sort()).toEqual(['png', 'svg']);
    expect(value).toContain('Kalau laptop rusak, ya berhenti kerja, tidak ada kantor yang ganti.');
  });

  it('refuses an unknown rule or a malformed filter, naming it', () => {
    expect(tematik(dir, 'cooccurrence', 's.tematik', '--rule', 'sentence')).toMatchObject({ code: 1, stderr: expect.stringContaining('rule must be overlap, near:N, turn, document or case') });
    expect(tematik(dir, 'frequencies', 's.tematik', '--where', 'generation')).toMatchObject({ code: 1, stderr: expect.stringContaining('“generation” is not ATTRIBUTE=VALUE') });
  });
});
