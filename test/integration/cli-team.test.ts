/**
 * Team coding from the command line: two coders' codings on one interview
 * compared at each unit, every figure recomputed here the obvious way (one
 * flag per character, word or sentence per coder); reliability statistics on
 * a CSV the researcher brings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, tematik } from '../helpers/cli';

let dir: string;
const run = (...args: string[]) => ok(dir, ...args);

const text = [
  'Rina: Saya kerja ojek online sejak 2021. Pendapatan tidak pasti, kadang sepi sekali.',
  'Pewawancara: Bagaimana Anda bertahan?',
  'Rina: Saya juga jualan kue lewat WhatsApp. Teman-teman komunitas driver sering bantu.',
].join('\n');

// [code, coder, start, end]; alice's two Income codings overlap each other on purpose.
const plan: [string, string, number, number][] = [
  ['Income', 'alice', 41, 84],
  ['Income', 'alice', 60, 70],
  ['Income', 'bob', 41, 75],
  ['Strategy', 'alice', 130, 167],
  ['Strategy', 'bob', 130, 208],
  ['Networking', 'bob', 168, 208],
];

interface Row { code: string; both: number; only: Record<string, number>; neither: number; percent: number; kappa: number | null; alpha: number | null; kappa_ci: [number, number] | null }
interface Report { unit: string; codes: Row[]; pooled: Row }

/** Cohen's κ from a 2×2 table, written out. */
function cohen(both: number, onlyA: number, onlyB: number, neither: number): number {
  const n = both + onlyA + onlyB + neither;
  const po = (both + neither) / n;
  const a = (both + onlyA) / n;
  const b = (both + onlyB) / n;
  const pe = a * b + (1 - a) * (1 - b);
  return (po - pe) / (1 - pe);
}

function unitsOf(unit: string): [number, number][] {
  if (unit === 'character') return [...text].map((_, i) => [i, i + 1]);
  const pattern = unit === 'word' ? /\S+/g : /[^.?\n][^.?\n]*[.?]?/g;
  return [...text.matchAll(pattern)].map((m) => {
    const lead = m[0].length - m[0].trimStart().length;
    return [m.index + lead, m.index + m[0].trimEnd().length] as [number, number];
  }).filter(([s, e]) => e > s);
}

function expectedCounts(code: string, unit: string) {
  const coded = (coder: string, [s, e]: [number, number]) => plan.some(([c, who, a, b]) => c === code && who === coder && a < e && s < b);
  const counts = { both: 0, alice: 0, bob: 0, neither: 0 };
  for (const u of unitsOf(unit)) {
    const a = coded('alice', u);
    const b = coded('bob', u);
    if (a && b) counts.both++;
    else if (a) counts.alice++;
    else if (b) counts.bob++;
    else counts.neither++;
  }
  return counts;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-cli-team-'));
  fs.writeFileSync(path.join(dir, 'rina.txt'), text);
  run('init', 'p.tematik');
  run('import', 'p.tematik', 'rina.txt');
  for (const code of ['Income', 'Strategy', 'Networking']) run('codes', 'add', 'p.tematik', code);
  for (const [code, coder, start, end] of plan) run('code', 'p.tematik', 'rina', code, '--start', String(start), '--end', String(end), '--coder', coder);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tematik agreement', () => {
  for (const unit of ['character', 'word', 'sentence']) {
    it(`counts ${unit}s coded by both, by one only and by neither, and κ from them`, () => {
      const report = JSON.parse(run('agreement', 'p.tematik', '--coders', 'alice,bob', '--unit', unit, '--json')) as Report;
      expect(report.unit).toBe(unit);
      expect(report.codes.map((c) => c.code).sort()).toEqual(['Income', 'Networking', 'Strategy']);
      for (const code of ['Income', 'Strategy', 'Networking']) {
        const want = expectedCounts(code, unit);
        const got = report.codes.find((c) => c.code === code)!;
        expect({ both: got.both, alice: got.only.alice, bob: got.only.bob, neither: got.neither }, `${code} at ${unit}`).toEqual(want);
        const total = want.both + want.alice + want.bob + want.neither;
        expect(got.percent).toBeCloseTo((100 * (want.both + want.neither)) / total, 9);
        expect(got.kappa!).toBeCloseTo(cohen(want.both, want.alice, want.bob, want.neither), 9);
      }
    });
  }

  it('pools the codes and gives intervals that hold the estimate', () => {
    const report = JSON.parse(run('agreement', 'p.tematik', '--coders', 'alice,bob', '--unit', 'word', '--json')) as Report;
    const sum = (key: 'both' | 'neither') => report.codes.reduce((s, c) => s + c[key], 0);
    expect(report.pooled.both).toBe(sum('both'));
    expect(report.pooled.neither).toBe(sum('neither'));
    for (const c of report.codes) if (c.kappa !== null && c.kappa_ci) expect(c.kappa_ci[0]).toBeLessThanOrEqual(c.kappa + 1e-9);
  });

  it('restricts to chosen codes and writes CSV', () => {
    const csv = run('agreement', 'p.tematik', '--coders', 'alice,bob', '--codes', 'Income', '--csv');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^code,both,only alice,only bob,neither,percent,kappa/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Income', '(pooled)']);
  });

  it('refuses an unknown coder and an unknown unit, naming them', () => {
    const unknown = tematik(dir, 'agreement', 'p.tematik', '--coders', 'alice,carol');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('carol');
    const unit = tematik(dir, 'agreement', 'p.tematik', '--coders', 'alice,bob', '--unit', 'page');
    expect(unit.code).not.toBe(0);
    expect(unit.stderr).toContain('--unit');
  });
});

describe('tematik reliability', () => {
  // The Wikipedia example of Krippendorff's alpha: three coders, fifteen units.
  const wikipedia = [
    ['*', '*', '*', '*', '*', '3', '4', '1', '2', '1', '1', '3', '3', '*', '3'],
    ['1', '*', '2', '1', '3', '3', '4', '3', '*', '*', '*', '*', '*', '*', '*'],
    ['*', '*', '2', '1', '3', '4', '4', '*', '2', '1', '1', '3', '3', '*', '4'],
  ];
  const csv = ['unit,A,B,C', ...wikipedia[0]!.map((_, u) => [u + 1, ...wikipedia.map((coder) => (coder[u] === '*' ? '' : coder[u]))].join(','))].join('\n');

  it('gives the published α (nominal .691, interval .811) with an interval', () => {
    fs.writeFileSync(path.join(dir, 'wiki.csv'), csv);
    const nominal = JSON.parse(run('reliability', 'wiki.csv', '--metric', 'krippendorff', '--json'));
    expect(nominal).toMatchObject({ metric: 'krippendorff', level: 'nominal', units: 15, coders: 3 });
    expect(nominal.value).toBeCloseTo(0.691, 3);
    expect(nominal.ci[0]).toBeLessThan(nominal.value);
    const interval = JSON.parse(run('reliability', 'wiki.csv', '--metric', 'krippendorff', '--level', 'interval', '--json'));
    expect(interval.value).toBeCloseTo(0.811, 3);
  });

  it('refuses a two-coder statistic on three coders and a file with no units, naming the file', () => {
    const three = tematik(dir, 'reliability', 'wiki.csv', '--metric', 'cohen');
    expect(three.code).not.toBe(0);
    expect(three.stderr).toContain('wiki.csv');
    fs.writeFileSync(path.join(dir, 'empty.csv'), 'unit,A,B\n');
    const empty = tematik(dir, 'reliability', 'empty.csv', '--metric', 'percent');
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('empty.csv');
  });
});

describe('tematik package and merge', () => {
  it('sends a blind package out and merges carol’s coding back once', () => {
    run('package', 'p.tematik', '--out', 'for-carol.tematik', '--documents', 'rina', '--without-codings');
    expect(run('list', 'for-carol.tematik', 'codings')).toBe('');
    run('code', 'for-carol.tematik', 'rina', 'Income', '--start', '41', '--end', '80', '--coder', 'carol');
    const first = JSON.parse(run('merge', 'p.tematik', 'for-carol.tematik', '--json'));
    expect(first.added).toMatchObject({ codings: 1, coders: ['carol'] });
    const second = JSON.parse(run('merge', 'p.tematik', 'for-carol.tematik', '--json'));
    expect(second.added).toMatchObject({ documents: 0, codes: 0, codings: 0 });
    const listed = JSON.parse(run('list', 'p.tematik', 'codings', '--json')) as { coder: string; text: string }[];
    expect(listed.filter((k) => k.coder === 'carol').map((k) => k.text)).toEqual([[...text].slice(41, 80).join('')]);
    const again = tematik(dir, 'package', 'p.tematik', '--out', 'for-carol.tematik');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('for-carol.tematik');
  });
});

describe('reliability in the chapter report', () => {
  it('adds the methods paragraph as its own section', () => {
    run('report', 'p.tematik', '--themes', 'Income', '--reliability', 'alice,bob', '--reliability-unit', 'word', '--lang', 'en', '--format', 'md', '--out', 'chapter.md');
    const chapter = fs.readFileSync(path.join(dir, 'chapter.md'), 'utf8');
    expect(chapter).toContain('## Coding reliability');
    expect(chapter).toMatch(/Coding reliability was checked by independent coding by 2 coders \(alice and bob\) on 1 document and \d codes\. The unit of comparison was words;/);
  });
});
