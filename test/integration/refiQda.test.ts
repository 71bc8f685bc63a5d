/**
 * REFI-QDA exchange on real project files: every export validates against
 * the official schemas, a round trip gives back the same documents, codes,
 * codings (same text, same coder), cases, attributes and memos, and files
 * written the way NVivo, ATLAS.ti and QualCoder write them land every
 * selection on the text its producer meant. Bad files change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { sliceCodePoints } from '../../shared/text/codepoints';
import { snapshotDatabase } from '../helpers/snapshot';
import { newCore, repoRoot, tempDir, writeFile } from '../helpers/tempProject';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'refi-qda');
const schema = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

async function expectValid(xml: string, xsd: 'Project.xsd' | 'Codebook.xsd') {
  const result = await validateXML({ xml: [{ fileName: 'file.xml', contents: xml }], schema: [schema(xsd)] });
  expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(result.valid).toBe(true);
}

/** Everything a researcher would check after a round trip, by names and text rather than ids. */
function contentOf(core: Core) {
  const db = core.project!.db;
  return {
    documents: db.prepare('SELECT name, text FROM documents ORDER BY name').all(),
    codes: db
      .prepare(`SELECT c.name, p.name AS parent, c.color, c.description, c.inclusion, c.exclusion, c.example, c.atypical, c.memo FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.name, p.name`)
      .all(),
    codings: (
      db
        .prepare(`SELECT d.name AS document, d.text AS full, c.name AS code, k.start, k."end", u.name AS coder, k.memo FROM codings k JOIN documents d ON d.id = k.document_id JOIN codes c ON c.id = k.code_id JOIN coders u ON u.id = k.coder_id`)
        .all() as { document: string; full: string; code: string; start: number; end: number; coder: string; memo: string | null }[]
    )
      .map(({ full, ...k }) => ({ ...k, text: sliceCodePoints(full, k.start, k.end) }))
      .sort((a, b) => `${a.document}|${a.start}|${a.end}|${a.code}|${a.coder}`.localeCompare(`${b.document}|${b.start}|${b.end}|${b.code}|${b.coder}`)),
    cases: (db.prepare('SELECT id, name FROM cases ORDER BY name').all() as { id: number; name: string }[]).map((c) => ({
      name: c.name,
      attributes: db.prepare('SELECT name, value FROM case_attributes WHERE case_id = ? ORDER BY name').all(c.id),
      documents: db.prepare('SELECT d.name FROM case_documents cd JOIN documents d ON d.id = cd.document_id WHERE cd.case_id = ? ORDER BY d.name').all(c.id),
    })),
    memos: db.prepare(`SELECT d.name, m.body FROM memos m JOIN documents d ON d.id = m.document_id WHERE m.code_id IS NULL AND m.body <> '' ORDER BY d.name`).all(),
  };
}

/** The sample study, plus a transcript with emoji, combining marks, astral characters and CRLF, coded around them, with memos. */
async function richProject() {
  const env = newCore();
  await env.run('project.openSample', { path: path.join(env.dir, 'rich.tematik'), lang: 'en' });
  const file = writeFile(env.dir, 'ayu.txt', 'Ayu: Saya 😅 ojek daring.\r\nPewawancara: Kenapa?\r\nAyu: Cafe\u0301 ramai, 𝒜 kadang sepi 🇮🇩.\r\nAyu: Selesai.\r\n');
  await env.run('documents.importFiles', { paths: [file] });
  const doc = (await env.run('documents.list')).find((d) => d.name === 'ayu')!;
  const text = (await env.run('documents.get', { id: doc.id })).text;
  const at = (s: string) => [...text.slice(0, text.indexOf(s))].length;
  const codes = await env.run('codes.list');
  const income = codes.find((c) => c.name === 'Income uncertainty')!;
  await env.run('codings.create', { documentId: doc.id, codeId: income.id, start: at('ojek'), end: at('ojek') + 11, memo: 'after the emoji' });
  await env.run('codings.create', { documentId: doc.id, codeId: income.id, start: at('Cafe'), end: at('kadang') + 11, coder: 'Budi' });
  await env.run('documents.setMemo', { id: doc.id, memo: 'Interviewed at the base camp.' });
  await env.run('codes.update', { id: income.id, memo: 'Strongest among drivers.', atypical: 'A driver who likes the uncertainty.' });
  return env;
}

describe('REFI-QDA export', () => {
  it('writes a .qdpx and a .qdc that validate against the official schemas', async () => {
    const env = await richProject();
    for (const target of ['standard', 'nvivo', 'atlasti', 'maxqda'] as const) {
      const out = path.join(env.dir, `${target}.qdpx`);
      await env.run('exchange.export', { format: 'qdpx', target, out });
      const entries = unzipSync(fs.readFileSync(out));
      expect(Object.keys(entries).filter((n) => n.startsWith('sources/')).length).toBe((await env.run('documents.list')).length);
      await expectValid(new TextDecoder().decode(entries['project.qde']), 'Project.xsd');
    }
    const qdc = path.join(env.dir, 'codes.qdc');
    await env.run('exchange.export', { format: 'qdc', out: qdc });
    await expectValid(fs.readFileSync(qdc, 'utf8'), 'Codebook.xsd');
  });

  it('keeps every GUID across exports', async () => {
    const env = await richProject();
    const guids = async () => {
      const { file } = await env.run('exchange.export', { format: 'qdpx' });
      const xml = new TextDecoder().decode(unzipSync(file!)['project.qde']);
      return [...xml.matchAll(/guid="([^"]+)"/g)].map((m) => m[1]).sort();
    };
    expect(await guids()).toEqual(await guids());
  });

  it('writes NVivo positions in UTF-16 code units and MAXQDA text with CRLF', async () => {
    const env = await richProject();
    const read = async (target: string) => {
      const { file } = await env.run('exchange.export', { format: 'qdpx', target });
      const entries = unzipSync(file!);
      const xml = new TextDecoder().decode(entries['project.qde']);
      const source = /<TextSource guid="([^"]+)" name="ayu"[^>]*>(.*?)<\/TextSource>/s.exec(xml)!;
      const txt = new TextDecoder().decode(entries[`sources/${source[1]}.txt`]);
      return { txt, selections: [...source[2]!.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const) };
    };
    const nvivo = await read('nvivo');
    expect(nvivo.selections.map(([s, e]) => nvivo.txt.slice(s, e))).toContain('ojek daring');
    const maxqda = await read('maxqda');
    expect(maxqda.txt).toContain('\r\n');
    expect(maxqda.selections.map(([s, e]) => [...maxqda.txt].slice(s, e).join(''))).toContain('ojek daring');
  });
});

describe('REFI-QDA round trip', () => {
  for (const target of ['standard', 'nvivo', 'atlasti', 'maxqda'] as const) {
    it(`gives back the same documents, codes, codings, cases, attributes and memos (${target})`, async () => {
      const env = await richProject();
      const out = path.join(env.dir, 'out.qdpx');
      await env.run('exchange.export', { format: 'qdpx', target, out });
      const back = newCore(tempDir());
      await back.run('project.create', { path: path.join(back.dir, 'back.tematik') });
      const summary = await back.run('exchange.import', { path: out });
      expect(summary.skipped).toEqual([]);
      expect(summary.offsets.filter((o) => o.switched)).toEqual([]);
      expect(contentOf(back.core)).toEqual(contentOf(env.core));
      // Importing the same file again changes nothing: everything is matched by GUID.
      const before = snapshotDatabase(back.core.project!.db);
      const again = await back.run('exchange.import', { path: out });
      expect(again.added).toEqual({ documents: 0, codes: 0, codings: 0, cases: 0, coders: [] });
      expect(snapshotDatabase(back.core.project!.db)).toEqual(before);
    });
  }

  it('round-trips the codebook alone through a .qdc', async () => {
    const env = await richProject();
    const qdc = path.join(env.dir, 'codes.qdc');
    await env.run('exchange.export', { format: 'qdc', out: qdc });
    const back = newCore(tempDir());
    await back.run('project.create', { path: path.join(back.dir, 'back.tematik') });
    const summary = await back.run('exchange.import', { path: qdc });
    expect(summary.kind).toBe('qdc');
    expect(contentOf(back.core).codes).toEqual(contentOf(env.core).codes);
  });
});

/** A .qdpx as a producer writes it. */
function qdpx(qde: string, files: Record<string, string>, qdeName = 'project.qde'): Uint8Array {
  return zipSync({ [qdeName]: strToU8(qde), ...Object.fromEntries(Object.entries(files).map(([n, c]) => [n, strToU8(c)])) });
}

const project = (origin: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="${origin}">${body}</Project>`;
const codebook = `<Users><User guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="Sari"/></Users><CodeBook><Codes><Code guid="{C0DE0000-0000-4000-8000-000000000001}" name="Income" isCodable="true" color="#F80"><Code guid="C0DE0000-0000-4000-8000-000000000002" name="Stigma" isCodable="true"/></Code></Codes></CodeBook>`;

/** A transcript with an emoji and an astral letter before the coded words, and CRLF line breaks. */
const raw = 'Sari: Saya 😅 driver.\r\nPewawancara: Lalu?\r\nSari: 𝒜 pendapatan tidak pasti.\r\n';
const wanted = ['driver', 'pendapatan tidak pasti'];
const utf16 = (s: string) => [raw.indexOf(s), raw.indexOf(s) + s.length];
const codePoints = (text: string, s: string) => [[...text.slice(0, text.indexOf(s))].length, [...text.slice(0, text.indexOf(s))].length + [...s].length];

function selections(positions: number[][], named: boolean): string {
  return positions
    .map(
      ([s, e], i) =>
        `<PlainTextSelection guid="5e1ec700-0000-4000-8000-00000000000${i}" ${named ? `name="${wanted[i]}" ` : ''}startPosition="${s}" endPosition="${e}" creatingUser="AAAAAAAA-0000-4000-8000-000000000001"><Coding guid="c0d17600-0000-4000-8000-00000000000${i}" creatingUser="aaaaaaaa-0000-4000-8000-000000000001"><CodeRef targetGUID="C0DE0000-0000-4000-8000-00000000000${i + 1}"/></Coding></PlainTextSelection>`,
    )
    .join('');
}

async function importBytes(bytes: Uint8Array, name: string) {
  const env = newCore();
  await env.run('project.create', { path: path.join(env.dir, 'in.tematik') });
  const file = writeFile(env.dir, name, bytes);
  const summary = await env.run('exchange.import', { path: file });
  const rows = contentOf(env.core).codings.map((k) => ({ text: k.text, code: k.code, coder: k.coder }));
  return { env, summary, rows };
}

const expectedRows = [
  { text: 'driver', code: 'Income', coder: 'Sari' },
  { text: 'pendapatan tidak pasti', code: 'Stigma', coder: 'Sari' },
];

describe('REFI-QDA import from other tools', () => {
  it('reads NVivo for Windows: UTF-16 offsets, CRLF counted twice, a BOM, Sources/ in capitals', async () => {
    const xml = project('NVivo for Windows 12.6', `${codebook}<Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="Sari" plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt">${selections(wanted.map(utf16), false)}</TextSource></Sources>`);
    const { summary, rows } = await importBytes(qdpx(xml, { 'Sources/50000000-0000-4000-8000-000000000001.txt': `\ufeff${raw}` }), 'nvivo.qdpx');
    expect(rows).toEqual(expectedRows);
    expect(summary).toMatchObject({ producer: 'NVivo for Windows 12.6', skipped: [], added: { documents: 1, codes: 2, codings: 2, coders: ['Sari'] } });
  });

  it('reads ATLAS.ti: code points with every line break as one, an inner .qde named after the project', async () => {
    const lf = raw.replace(/\r\n/g, '\n');
    const xml = project('ATLAS.ti for Windows 23.2.3', `${codebook}<Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="Sari" plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt">${selections(wanted.map((w) => codePoints(lf, w)), false)}</TextSource></Sources>`);
    const { rows } = await importBytes(qdpx(xml, { 'sources/50000000-0000-4000-8000-000000000001.txt': raw }, 'Trial.qde'), 'atlas.qdpx');
    expect(rows).toEqual(expectedRows);
  });

  it('reads QualCoder: code points as the standard says, inline text', async () => {
    const xml = project('QualCoder 3.5', `${codebook}<Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="Sari"><PlainTextContent>${raw.replace(/\r\n/g, '&#13;&#10;')}</PlainTextContent>${selections(wanted.map((w) => codePoints(raw, w)), false)}</TextSource></Sources>`);
    const { rows } = await importBytes(qdpx(xml, {}), 'qualcoder.qdpx');
    expect(rows).toEqual(expectedRows);
  });

  it('notices positions in another unit than the producer’s when the selections’ names say so, and reports it', async () => {
    // Claims to be standard, but its positions are UTF-16: the names give it away.
    const xml = project('SomeTool 1.0', `${codebook}<Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="Sari" plainTextPath="internal://s.txt">${selections(wanted.map(utf16), true)}</TextSource></Sources>`);
    const { summary, rows } = await importBytes(qdpx(xml, { 'sources/s.txt': raw }), 'odd.qdpx');
    expect(rows).toEqual(expectedRows);
    expect(summary.offsets).toEqual([{ document: 'Sari', reading: 'UTF-16 code units, CRLF as two characters', switched: true, checked: 2, matched: 2 }]);
  });

  it('takes cases, typed variables, notes and links', async () => {
    const xml = project(
      'MAXQDA 2022',
      `${codebook}<Variables><Variable guid="7a000000-0000-4000-8000-000000000001" name="generation" typeOfVariable="Text"/><Variable guid="7a000000-0000-4000-8000-000000000002" name="age" typeOfVariable="Integer"/></Variables>` +
        `<Cases><Case guid="ca000000-0000-4000-8000-000000000001" name="Sari"><VariableValue><VariableRef targetGUID="7a000000-0000-4000-8000-000000000001"/><TextValue>Gen Z</TextValue></VariableValue><VariableValue><VariableRef targetGUID="7a000000-0000-4000-8000-000000000002"/><IntegerValue>23</IntegerValue></VariableValue><SourceRef targetGUID="50000000-0000-4000-8000-000000000001"/></Case></Cases>` +
        `<Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="Sari interview" plainTextPath="internal://s.txt">${selections(wanted.map((w) => codePoints(raw, w)), false)}<NoteRef targetGUID="40000000-0000-4000-8000-000000000001"/></TextSource></Sources>` +
        `<Notes><Note guid="40000000-0000-4000-8000-000000000001" name="memo"><PlainTextContent>Met at the base camp.</PlainTextContent></Note><Note guid="40000000-0000-4000-8000-000000000002" name="annotation"><PlainTextContent>She laughs here.</PlainTextContent></Note></Notes>` +
        `<Links><Link guid="11000000-0000-4000-8000-000000000001" direction="Associative" originGUID="40000000-0000-4000-8000-000000000002" targetGUID="5e1ec700-0000-4000-8000-000000000000"/></Links>`,
    );
    const { env, summary } = await importBytes(qdpx(xml, { 'sources/s.txt': raw }), 'maxqda.qdpx');
    const content = contentOf(env.core);
    expect(content.cases).toEqual([{ name: 'Sari', attributes: [{ name: 'age', value: '23' }, { name: 'generation', value: 'Gen Z' }], documents: [{ name: 'Sari interview' }] }]);
    expect(content.memos).toEqual([{ name: 'Sari interview', body: 'Met at the base camp.' }]);
    expect(content.codings.find((k) => k.text === 'driver')!.memo).toBe('She laughs here.');
    expect(summary.memos).toBe(2);
  });

  it('imports the ATLAS.ti samples', async () => {
    const { summary, env } = await importBytes(fs.readFileSync(path.join(fixtures, 'ponte_target-atlas-project.qdpx')), 'target.qdpx');
    expect(summary.added.codes).toBe(3);
    const codes = await env.run('codes.list');
    const commits = codes.find((c) => c.name === 'Commits')!;
    expect(codes.filter((c) => c.parentId === commits.id).map((c) => c.name).sort()).toEqual(['2022-02-11T10:39:25Z cdbfd92', '2022-05-10T02:05:59Z 19e4dce']);
    const blank = await importBytes(fs.readFileSync(path.join(fixtures, 'ponte_blank-atlas-project.qdpx')), 'blank.qdpx');
    expect(blank.summary.added).toMatchObject({ documents: 0, codes: 0 });
    const annex = await importBytes(fs.readFileSync(path.join(fixtures, 'spec_annexA1_codebook.qdc')), 'annex.qdc');
    expect((await annex.env.run('codes.list')).find((c) => c.name === 'Economy')).toMatchObject({ color: '#ffff00', description: 'Anything about jobs or taxes or business' });
  });

  it('skips, with the reason, a missing source, an unknown code and a selection outside its text', async () => {
    const xml = project(
      'QualCoder 3.5',
      `${codebook}<Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="Gone" plainTextPath="internal://gone.txt"/>` +
        `<TextSource guid="50000000-0000-4000-8000-000000000002" name="Here" plainTextPath="internal://here.txt">` +
        `<PlainTextSelection guid="5e000000-0000-4000-8000-000000000001" startPosition="0" endPosition="4"><Coding guid="c0000000-0000-4000-8000-000000000001"><CodeRef targetGUID="99999999-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>` +
        `<PlainTextSelection guid="5e000000-0000-4000-8000-000000000002" startPosition="2" endPosition="900"><Coding guid="c0000000-0000-4000-8000-000000000002"><CodeRef targetGUID="C0DE0000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>` +
        `</TextSource></Sources>`,
    );
    const { summary } = await importBytes(qdpx(xml, { 'sources/here.txt': 'Sari: singkat saja.' }), 'holes.qdpx');
    expect(summary.added.documents).toBe(1);
    expect(summary.skipped.map((s) => [s.kind, s.name, s.reason])).toEqual([
      ['source', 'Gone', 'its plain text internal://gone.txt is not in holes.qdpx'],
      ['coding', 'Here 0–4', 'its code 99999999-0000-4000-8000-000000000001 is not in the codebook'],
      ['coding', 'Here 2–900', 'it lies outside the text (19 characters)'],
    ]);
  });

  it('refuses malformed XML, a zip without a project and a file of another kind, naming the file and changing nothing', async () => {
    const env = await richProject();
    const before = snapshotDatabase(env.core.project!.db);
    const bad = [
      ['broken.qdpx', qdpx('<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Users></Project>', {}), /broken\.qdpx is not a readable REFI-QDA file: XML error at line 1/],
      ['empty.qdpx', zipSync({ 'readme.txt': strToU8('hello') }), /empty\.qdpx .*no project\.qde/],
      ['wrong.qdc', strToU8('<?xml version="1.0"?><html><body/></html>'), /wrong\.qdc .*neither Project nor CodeBook/],
      ['spaced.qdpx', qdpx('<Project xmlns="urn:QDA-XML:codebook:1:0" name="p"/>', {}), /namespace/],
    ] as const;
    for (const [name, bytes, message] of bad) {
      const file = writeFile(env.dir, name, bytes);
      await expect(env.run('exchange.import', { path: file })).rejects.toThrow(message);
    }
    expect(snapshotDatabase(env.core.project!.db)).toEqual(before);
  });
});
