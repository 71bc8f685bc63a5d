/** The REFI-QDA verbs of the CLI: export qdpx/qdc, import them back with --json, and the codings list they are checked with. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, tematik } from '../helpers/cli';

let dir: string;
const run = (...args: string[]) => ok(dir, ...args);

interface Listed { document: string; code: string; start: number; end: number; text: string; coder: string }
const key = (k: Listed) => `${k.document}|${k.code}|${k.start}|${k.end}|${k.coder}|${k.text}`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-cli-exchange-'));
  run('sample', 's.tematik', '--lang', 'en');
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tematik export qdpx / qdc and import', () => {
  it('round-trips every coding with its text and coder, whatever the target', { timeout: 90_000 }, () => {
    const original = (JSON.parse(run('list', 's.tematik', 'codings', '--json')) as Listed[]).map(key).sort();
    for (const target of ['standard', 'nvivo', 'atlasti', 'maxqda']) {
      run('export', 'qdpx', 's.tematik', '--out', `${target}.qdpx`, '--target', target);
      run('init', `${target}.tematik`);
      const summary = JSON.parse(run('import', `${target}.tematik`, `${target}.qdpx`, '--json').trim());
      expect(summary).toMatchObject({ file: `${target}.qdpx`, kind: 'qdpx', added: { documents: 7, codes: 19, cases: 7 }, skipped: [] });
      expect((JSON.parse(run('list', `${target}.tematik`, 'codings', '--json')) as Listed[]).map(key).sort()).toEqual(original);
    }
  });

  it('exports the codebook alone and imports it into an empty project', () => {
    run('export', 'qdc', 's.tematik', '--out', 'codes.qdc');
    expect(fs.readFileSync(path.join(dir, 'codes.qdc'), 'utf8')).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    run('init', 'c.tematik');
    expect(JSON.parse(run('import', 'c.tematik', 'codes.qdc', '--json').trim())).toMatchObject({ kind: 'qdc', added: { codes: 19, documents: 0 } });
  });

  it('refuses a broken file with its name and a non-zero status, and an unknown target', () => {
    fs.writeFileSync(path.join(dir, 'broken.qdpx'), 'PK\u0003\u0004 not really a zip');
    const broken = tematik(dir, 'import', 's.tematik', 'broken.qdpx');
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('broken.qdpx');
    const target = tematik(dir, 'export', 'qdpx', 's.tematik', '--out', 'x.qdpx', '--target', 'quirkos');
    expect(target.code).not.toBe(0);
    expect(target.stderr).toContain('--target');
    expect(fs.existsSync(path.join(dir, 'x.qdpx'))).toBe(false);
  });
});
