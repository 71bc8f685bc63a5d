import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../fixtures/import-corpus/corpus';
import { tematik as runCli } from '../helpers/cli';

let dir: string;

const tematik = (...args: string[]) => runCli(dir, ...args);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-cli-import-'));
  fs.mkdirSync(path.join(dir, 'corpus'));
  await writeCorpus(path.join(dir, 'corpus'));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tematik import (CLI contract)', { timeout: 120_000 }, () => {
  it('prints one JSON object per file with its outcome, failures on stderr too, and a non-zero exit', () => {
    tematik('init', 'all.tematik');
    const result = tematik('import', 'all.tematik', 'corpus', '--json');
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: string; error?: { code: string; message: string } });
    expect(lines.length).toBe(26);
    const zip = lines.find((l) => l.file.endsWith('zip-bomb.docx'))!;
    expect(zip).toMatchObject({ status: 'failed', error: { code: 'too_much_data' } });
    expect(result.stderr).toContain('zip-bomb.docx would expand');
    expect(lines.find((l) => l.file.endsWith('word-interview.docx'))).toMatchObject({ status: 'imported', format: 'docx', speakers: ['Pewawancara', 'Dewi'] });
  });

  it('imports a survey with --survey --id --text-columns --attributes', () => {
    tematik('init', 'survey.tematik');
    const result = tematik(
      'import',
      'survey.tematik',
      'corpus/survey-semicolon.csv',
      '--survey',
      '--id',
      'Responden',
      '--text-columns',
      'Apa tantangan terbesar Anda?',
      '--attributes',
      'Generasi,Kota',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'imported', format: 'survey', documents: ['survey-semicolon – R01', 'survey-semicolon – R02', 'survey-semicolon – R04'] });
    const cases = JSON.parse(tematik('list', 'survey.tematik', 'cases', '--json').stdout) as { name: string; attributes: Record<string, string> }[];
    expect(cases.map((c) => [c.name, c.attributes])).toEqual([
      ['R01', { Generasi: 'Gen Z', Kota: 'Kupang' }],
      ['R02', { Generasi: 'Milenial', Kota: 'Kupang' }],
      ['R03', { Generasi: 'Gen Z', Kota: 'Soe' }],
      ['R04', { Generasi: 'Milenial', Kota: 'Kupang' }],
    ]);
    expect(tematik('show', 'survey.tematik', 'survey-semicolon – R04').stdout).toBe('Apa tantangan terbesar Anda?\nTidak ada asuransi kalau kecelakaan.');
  });

  it('lists documents with their cases and speakers', () => {
    tematik('init', 'docs.tematik');
    tematik('import', 'docs.tematik', 'corpus/voice-tags.vtt', 'corpus/utf16le.txt');
    const documents = JSON.parse(tematik('list', 'docs.tematik', 'documents', '--json').stdout) as Record<string, unknown>[];
    expect(documents.map((d) => [d.name, d.format, d.cases, d.speakers])).toEqual([
      ['utf16le', 'text', ['Ayu'], [{ name: 'Pewawancara', role: 'interviewer', case: null }, { name: 'Ayu', role: 'participant', case: 'Ayu' }]],
      ['voice-tags', 'vtt', ['Lina'], [{ name: 'Moderator', role: 'interviewer', case: null }, { name: 'Lina', role: 'participant', case: 'Lina' }]],
    ]);
    expect(documents[0]).toMatchObject({ source: 'utf16le.txt', details: { encoding: 'utf-16le' } });
  });
});
