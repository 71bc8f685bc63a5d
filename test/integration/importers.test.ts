import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpolate } from '../../shared/api/errors';
import { catalogs } from '../../shared/i18n';
import type { ImportOutcome } from '../../shared/model/types';
import { badFiles, goodFiles, surveyFile, writeCorpus } from '../../fixtures/import-corpus/corpus';
import { newCore } from '../helpers/tempProject';
import { snapshotDatabase } from '../helpers/snapshot';

/** How many speaker turns the project holds: each document's are stored as one row, 16 bytes a turn. */
const turnCount = 'SELECT coalesce(sum(length(turns)), 0) / 16 AS n FROM document_turns';

let corpus: string;

beforeAll(async () => {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-corpus-'));
  await writeCorpus(corpus);
}, 60_000);

afterAll(() => fs.rmSync(corpus, { recursive: true, force: true }));

async function freshProject() {
  const env = newCore();
  await env.run('project.create', { path: path.join(env.dir, 'p.tematik') });
  return env;
}

describe('every format researchers bring', () => {
  for (const good of goodFiles) {
    it(`imports ${good.file} (${good.format}) with its text and speakers`, async () => {
      const { run, core } = await freshProject();
      const [outcome] = await run('documents.importFiles', { paths: [path.join(corpus, good.file)] });
      expect(outcome).toMatchObject({ status: 'imported', format: good.format });
      const [doc] = await run('documents.list');
      const { text } = await run('documents.get', { id: doc!.id });
      if (good.exact !== undefined) expect(text).toBe(good.exact);
      for (const fragment of good.contains) expect(text).toContain(fragment);
      if (good.encoding) expect(doc!.importDetails.encoding).toBe(good.encoding);
      // Written as its UTF-8, stored as text: SQLite counts the same characters.
      expect(core.project!.db.prepare('SELECT typeof(text) AS type, length(text) AS length FROM documents WHERE id = ?').get(doc!.id)).toEqual({ type: 'text', length: [...text].length });

      const speakers = await run('speakers.list');
      expect(speakers.filter((s) => !s.isInterviewer).map((s) => s.name)).toEqual(good.speakers);
      expect(speakers.filter((s) => s.isInterviewer).map((s) => s.name)).toEqual(good.interviewers);
      // Every participant speaker is a case linked to the document.
      const cases = await run('cases.list');
      expect(cases.map((c) => [c.name, c.documents])).toEqual(good.speakers.map((s) => [s, [doc!.name]]));

      const turns = await run('documents.turns', { documentId: doc!.id });
      expect(turns.length).toBeGreaterThanOrEqual(4);
      for (const turn of turns) {
        const label = [...text].slice(turn.start, turn.contentStart).join('');
        expect(label).toContain(`${turn.speaker}:`);
      }
      core.close();
    });
  }

  it('keeps cue times on subtitle turns and joins consecutive cues of one speaker', async () => {
    const { run, core } = await freshProject();
    await run('documents.importFiles', { paths: [path.join(corpus, 'voice-tags.vtt')] });
    const [doc] = await run('documents.list');
    const turns = await run('documents.turns', { documentId: doc!.id });
    expect(turns.map((t) => [t.speaker, t.timeStartMs, t.timeEndMs])).toEqual([
      ['Moderator', 1000, 3500],
      ['Lina', 4000, 11000],
      ['Moderator', 12000, 14000],
      ['Lina', 15000, 17000],
    ]);
    // A coding exported from that transcript carries its speaker and cue time.
    const code = await run('codes.create', { name: 'Ojek' });
    const lina = turns[1]!;
    await run('codings.create', { documentId: doc!.id, codeId: code.id, start: lina.contentStart, end: lina.contentStart + 13 });
    expect((await run('codings.rows', {})).map((r) => [r.text, r.speaker, r.timestamp])).toEqual([['Terima kasih.', 'Lina', '00:00:04']]);
    const { csv } = await run('export.codingsCsv');
    expect(Buffer.from(csv).toString('utf8').split('\r\n')[1]).toMatch(/,Terima kasih\.,.*,Lina,00:00:04$/);
    core.close();
  });

  it('imports a survey: respondents as cases with attributes, answers under their questions, coded by question', async () => {
    const { run, core } = await freshProject();
    const [outcome] = await run('documents.importFiles', { paths: [path.join(corpus, surveyFile)], survey: { idColumn: 'Responden' } });
    expect(outcome).toMatchObject({ status: 'imported', format: 'survey' });
    expect((outcome as Extract<ImportOutcome, { status: 'imported' }>).documents).toHaveLength(4);

    const cases = await run('cases.list');
    expect(cases.find((c) => c.name === 'R02')).toMatchObject({
      attributes: { Generasi: 'Milenial', Usia: '31', Kota: 'Kupang', Platform: 'Shopee' },
      documents: ['survey-semicolon – R02'],
    });
    const r02 = (await run('documents.list')).find((d) => d.name === 'survey-semicolon – R02')!;
    expect((await run('documents.get', { id: r02.id })).text).toBe(
      'Mengapa Anda memilih kerja gig?\nModal kecil, cukup HP.\nBisa sambil jaga anak.\n\nApa tantangan terbesar Anda?\nOngkos kirim mahal dan saingan "banting harga".',
    );
    const rows = await run('codings.rows', { documentId: r02.id });
    expect(rows.map((r) => [r.code, r.text])).toEqual([
      ['Mengapa Anda memilih kerja gig?', 'Modal kecil, cukup HP.\nBisa sambil jaga anak.'],
      ['Apa tantangan terbesar Anda?', 'Ongkos kirim mahal dan saingan "banting harga".'],
    ]);
    const codes = await run('codes.list');
    const parent = codes.find((c) => c.name === 'survey-semicolon')!;
    expect(codes.filter((c) => c.parentId === parent.id).map((c) => c.name)).toEqual(['Mengapa Anda memilih kerja gig?', 'Apa tantangan terbesar Anda?']);

    // Importing the same survey again adds nothing.
    const [again] = await run('documents.importFiles', { paths: [path.join(corpus, surveyFile)], survey: { idColumn: 'Responden' } });
    expect(again!.status).toBe('duplicate');
    expect(await run('documents.list')).toHaveLength(4);
    core.close();
  });

  it('suggests survey roles in the preview: id, short repeating answers as attributes, long text as open answers', async () => {
    const { run, core } = await freshProject();
    const preview = await run('documents.previewSurvey', { path: path.join(corpus, surveyFile) });
    expect(preview.delimiter).toBe(';');
    expect(preview.rowCount).toBe(4);
    expect(preview.columns.map((c) => [c.name, c.role])).toEqual([
      ['Responden', 'id'],
      ['Generasi', 'attribute'],
      ['Usia', 'attribute'],
      ['Kota', 'attribute'],
      ['Platform', 'attribute'],
      ['Mengapa Anda memilih kerja gig?', 'text'],
      ['Apa tantangan terbesar Anda?', 'text'],
    ]);
    core.close();
  });

  it('names a missing survey column and lists the real ones', async () => {
    const { run, core } = await freshProject();
    const [outcome] = await run('documents.importFiles', { paths: [path.join(corpus, surveyFile)], survey: { idColumn: 'Nama' } });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'survey_column' } });
    expect((outcome as { error: { message: string } }).error.message).toMatch(/survey-semicolon\.csv has no column named “Nama”.*Responden/);
    core.close();
  });
});

describe('bad files', () => {
  for (const bad of badFiles) {
    it(`refuses ${bad.file} (${bad.error}) naming the file, and changes nothing`, async () => {
      const { run, core } = await freshProject();
      await run('documents.importFiles', { paths: [path.join(corpus, 'utf8-bom-crlf.txt')] });
      const before = snapshotDatabase(core.project!.db);
      const [outcome] = await run('documents.importFiles', { paths: [path.join(corpus, bad.file)] });
      expect(outcome).toMatchObject({ status: 'failed', error: { code: bad.error } });
      const failure = outcome as Extract<ImportOutcome, { status: 'failed' }>;
      expect(failure.error.message).toContain(bad.file);
      // The same message exists in Bahasa Indonesia, with the file name.
      const indonesian = interpolate(catalogs.id.errors[failure.error.code as keyof typeof catalogs.id.errors], failure.error.params);
      expect(indonesian).toContain(bad.file);
      expect(indonesian).not.toMatch(/\{\{/);
      expect(snapshotDatabase(core.project!.db)).toEqual(before);
      expect(core.project!.db.pragma('integrity_check', { simple: true })).toBe('ok');
      core.close();
    });
  }

  it('reports every file of a mixed folder in one batch', async () => {
    const { run, core } = await freshProject();
    const outcomes = await run('documents.importFiles', { paths: [corpus] });
    const byFile = new Map(outcomes.map((o) => [path.basename(o.file), o.status]));
    for (const bad of badFiles) expect(byFile.get(bad.file), bad.file).toBe('failed');
    for (const good of goodFiles) expect(['imported', 'duplicate'], good.file).toContain(byFile.get(good.file));
    expect(outcomes).toHaveLength(goodFiles.length + badFiles.length + 1);
    core.close();
  });
});

describe('transcripts committed a group at a time', () => {
  const upload = (fileName: string, text: string) => ({ fileName, bytes: Buffer.from(text) });
  const interview = (speaker: string, n: number) => `Pewawancara: Bagaimana penghasilan ${n}?\n${speaker}: Naik turun, kadang sepi ${n}.\nPewawancara: Lalu?\n${speaker}: Saya cari order lain ${n}.`;

  it('hashes and counts a file read as its own UTF-8 exactly as one whose text had to be cleaned', async () => {
    const { run, core } = await freshProject();
    // An emoji (beyond the BMP) before the turns, and a letter beyond Latin-1; the last file has no emoji.
    const text = `Catatan 😅 ṡ\n${interview('Ayu', 1)}`;
    const withoutEmoji = text.replace('😅 ', '');
    const outcomes = await run('documents.importUploads', {
      files: [upload('plain.txt', text), upload('windows.txt', text.replaceAll('\n', '\r\n')), upload('bom.txt', `\ufeff${text}`), upload('other.txt', withoutEmoji)],
    });
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['plain.txt', 'imported'],
      ['windows.txt', 'duplicate'],
      ['bom.txt', 'duplicate'],
      ['other.txt', 'imported'],
    ]);
    const documents = await run('documents.list');
    for (const [name, source] of [['plain', text], ['other', withoutEmoji]] as const) {
      const doc = documents.find((d) => d.name === name)!;
      const points = [...source];
      expect(doc.length).toBe(points.length);
      // Each turn starts at a line start, counted in code points.
      const lineStarts = points.flatMap((c, i) => (c === '\n' ? [i + 1] : []));
      expect((await run('documents.turns', { documentId: doc.id })).map((t) => t.start)).toEqual(lineStarts);
    }
    core.close();
  });

  it('reports each file of one upload in order, a repeated text as a duplicate of the first', async () => {
    const { run, core } = await freshProject();
    const files = [upload('a.txt', interview('Ayu', 1)), upload('b.txt', interview('Budi', 2)), upload('empty.txt', ''), upload('a-again.txt', interview('Ayu', 1)), upload('c.txt', interview('Citra', 3))];
    const outcomes = await run('documents.importUploads', { files });
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['a.txt', 'imported'],
      ['b.txt', 'imported'],
      ['empty.txt', 'failed'],
      ['a-again.txt', 'duplicate'],
      ['c.txt', 'imported'],
    ]);
    expect((await run('documents.list')).map((d) => d.name)).toEqual(['a', 'b', 'c']);
    expect((await run('cases.list')).map((c) => [c.name, c.documents])).toEqual([
      ['Ayu', ['a']],
      ['Budi', ['b']],
      ['Citra', ['c']],
    ]);
    core.close();
  });

  it('rolls back only the file that cannot be written; the rest of its group stays whole', async () => {
    const { run, core } = await freshProject();
    const db = core.project!.db;
    db.exec(`CREATE TEMP TRIGGER refuse_b AFTER INSERT ON main.document_turns WHEN (SELECT name FROM main.documents WHERE id = new.document_id) = 'b'
             BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
    const outcomes = await run('documents.importUploads', { files: [upload('a.txt', interview('Ayu', 1)), upload('b.txt', interview('Budi', 2)), upload('c.txt', interview('Citra', 3))] });
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'imported']);
    expect((await run('documents.list')).map((d) => d.name)).toEqual(['a', 'c']);
    // Nothing of b: its document, its speaker and its case all went with its savepoint.
    expect(db.prepare(turnCount).get()).toEqual({ n: 8 });
    expect((await run('speakers.list')).map((s) => s.name).sort()).toEqual(['Ayu', 'Citra', 'Pewawancara']);
    expect((await run('cases.list')).map((c) => c.name)).toEqual(['Ayu', 'Citra']);
    core.close();
  });

  it('fails every file of a group whose transaction ends, and writes none of them', async () => {
    const { run, core } = await freshProject();
    await run('documents.importUploads', { files: [upload('before.txt', interview('Dewi', 0))] });
    const db = core.project!.db;
    const before = snapshotDatabase(db);
    db.exec(`CREATE TEMP TRIGGER end_all AFTER INSERT ON main.documents WHEN new.name = 'b' BEGIN SELECT RAISE(ROLLBACK, 'transaction ended for the test'); END`);
    const outcomes = await run('documents.importUploads', { files: [upload('a.txt', interview('Ayu', 1)), upload('b.txt', interview('Budi', 2)), upload('c.txt', interview('Citra', 3))] });
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['a.txt', 'failed'],
      ['b.txt', 'failed'],
      ['c.txt', 'failed'],
    ]);
    expect(snapshotDatabase(db)).toEqual(before);
    expect(db.inTransaction).toBe(false);
    core.close();
  });

  it('commits more files than one group holds, each exactly once', async () => {
    const { run, core } = await freshProject();
    const files = Array.from({ length: 70 }, (_, i) => upload(`w${String(i).padStart(2, '0')}.txt`, interview(`Informan ${i}`, i)));
    const outcomes = await run('documents.importUploads', { files });
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(70);
    expect((await run('documents.list')).map((d) => d.name)).toEqual(files.map((f) => f.fileName.replace('.txt', '')));
    expect(core.project!.db.prepare(turnCount).get()).toEqual({ n: 280 });
    core.close();
  });
});
