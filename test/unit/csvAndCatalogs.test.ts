import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../shared/csv/auditCsv';
import { codingCsvCells, codingsCsvColumns } from '../../shared/csv/codingsCsv';
import { csvFromRows } from '../../shared/csv/table';
import { catalogs } from '../../shared/i18n';

describe('codings CSV', () => {
  it('survives commas, quotes, line breaks and emoji in the text', () => {
    const text = 'Dia bilang, "kerja betul-betul?"\nLalu 😅 diam; selesai.';
    const row = { id: 1, document: 'Wawancara, 1', code: 'Stigma', speaker: 'Rina', timestamp: '00:01:02', start: 3, end: 40, text, coder: 'Ana', createdAt: '2026-01-01T00:00:00.000Z', memo: null };
    const csv = csvFromRows(codingsCsvColumns, [codingCsvCells(row, row.text)]);
    const parsed = Papa.parse<string[]>(csv.trim());
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...codingsCsvColumns]);
    expect(parsed.data[1]).toEqual(['Wawancara, 1', 'Stigma', '3', '40', text, 'Ana', '2026-01-01T00:00:00.000Z', '', 'Rina', '00:01:02']);
  });
});

describe('i18n catalogs', () => {
  const leaves = (value: unknown, prefix = ''): [string, string][] =>
    typeof value === 'string'
      ? [[prefix, value]]
      : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  const en = new Map(leaves(catalogs.en));
  const id = new Map(leaves(catalogs.id));

  it('has every English key in Indonesian, non-empty', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, value] of id) expect(value.trim(), key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of en) expect(placeholders(id.get(key)!), key).toEqual(placeholders(value));
  });
});

describe('audit trail CSV', () => {
  it('names the document and code of each change, and keeps the id of one deleted since', () => {
    const entries = [
      { id: 2, at: '2026-01-02T00:00:00.000Z', coder: 'Ayu', op: 'codings.create', input: '{"start":0,"end":5}', documentId: 1, codeId: 9 },
      { id: 1, at: '2026-01-01T00:00:00.000Z', coder: 'Budi', op: 'codes.create', input: '{"name":"Stigma, \\"ojek\\""}', documentId: null, codeId: null },
    ];
    const csv = auditCsv(entries, { documents: new Map([[1, 'Wawancara 1']]), codes: new Map() });
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ['at', 'coder', 'operation', 'document', 'code', 'input'],
      ['2026-01-02T00:00:00.000Z', 'Ayu', 'codings.create', 'Wawancara 1', '9', '{"start":0,"end":5}'],
      ['2026-01-01T00:00:00.000Z', 'Budi', 'codes.create', '', '', '{"name":"Stigma, \\"ojek\\""}'],
    ]);
  });
});
