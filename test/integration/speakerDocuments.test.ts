import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DocumentTurns } from '../../electron/core/store/documentTurns';
import { openProjectFile } from '../../electron/core/store/projectFile';
import { newCore } from '../helpers/tempProject';

/** A transcript with `turns` turns of each speaker, alternating. */
const transcript = (speakers: string[], turns: number, tag: string) =>
  Array.from({ length: turns }, (_, i) => speakers.map((s) => `${s}: ${tag} jawaban ${i} tentang ojek dan penghasilan.`).join('\n')).join('\n');

const upload = (fileName: string, text: string) => ({ fileName, bytes: Buffer.from(text) });

/** What `speaker_documents` must hold: the turns themselves, counted. */
function countedFromTurns(db: Database.Database) {
  const counted = new Map<string, { speaker_id: number; document_id: number; turns: number }>();
  for (const row of db.prepare('SELECT document_id, turns, times FROM document_turns').all() as { document_id: number; turns: Buffer; times: Buffer | null }[]) {
    const turns = DocumentTurns.fromColumns(row.turns, row.times);
    for (let i = 0; i < turns.length; i++) {
      const key = `${turns.speakerId(i)} ${row.document_id}`;
      const entry = counted.get(key) ?? { speaker_id: turns.speakerId(i), document_id: row.document_id, turns: 0 };
      entry.turns++;
      counted.set(key, entry);
    }
  }
  return [...counted.values()].sort((a, b) => a.speaker_id - b.speaker_id || a.document_id - b.document_id);
}

function kept(db: Database.Database) {
  return db.prepare('SELECT speaker_id, document_id, turns FROM speaker_documents ORDER BY speaker_id, document_id').all();
}

async function studyProject() {
  const env = newCore();
  await env.run('project.create', { path: path.join(env.dir, 'p.tematik') });
  await env.run('documents.importUploads', {
    files: [
      upload('ayu.txt', transcript(['Pewawancara', 'Ayu'], 5, 'a')),
      upload('budi.txt', transcript(['Pewawancara', 'Budi'], 3, 'b')),
      upload('group.txt', transcript(['Pewawancara', 'Ayu', 'Budi', 'Citra'], 4, 'g')),
    ],
  });
  return env;
}

describe("each speaker's documents, kept with the turns", () => {
  it('counts every speaker’s turns per document on import, and the Speakers panel reads them', async () => {
    const { run, core } = await studyProject();
    const db = core.project!.db;
    expect(kept(db)).toEqual(countedFromTurns(db));
    // Two speakers in each one-to-one interview, four in the group.
    expect(kept(db)).toHaveLength(8);
    const speakers = Object.fromEntries((await run('speakers.list')).map((s) => [s.name, [s.turnCount, s.documents]]));
    expect(speakers).toEqual({
      Pewawancara: [12, ['ayu', 'budi', 'group']],
      Ayu: [9, ['ayu', 'group']],
      Budi: [7, ['budi', 'group']],
      Citra: [4, ['group']],
    });
    core.close();
  });

  it('stays in step through a merge, a rename onto another speaker, a deletion and a restore from the trash', async () => {
    const { run, core } = await studyProject();
    const db = core.project!.db;
    const id = async (name: string) => (await run('speakers.list')).find((s) => s.name === name)!.id;

    // Budi and Ayu both speak in the group interview: their turns there are added up.
    await run('speakers.merge', { sourceId: await id('Budi'), targetId: await id('Ayu') });
    expect(kept(db)).toEqual(countedFromTurns(db));
    expect((await run('speakers.list')).find((s) => s.name === 'Ayu')).toMatchObject({ turnCount: 16, documents: ['ayu', 'budi', 'group'] });

    await run('speakers.update', { id: await id('Citra'), name: 'Ayu' });
    expect(kept(db)).toEqual(countedFromTurns(db));
    expect((await run('speakers.list')).map((s) => [s.name, s.turnCount])).toEqual([
      ['Pewawancara', 12],
      ['Ayu', 20],
    ]);

    const group = (await run('documents.list')).find((d) => d.name === 'group')!;
    await run('documents.delete', { id: group.id });
    expect(kept(db)).toEqual(countedFromTurns(db));
    expect((await run('speakers.list')).map((s) => [s.name, s.turnCount, s.documents])).toEqual([
      ['Pewawancara', 8, ['ayu', 'budi']],
      ['Ayu', 8, ['ayu', 'budi']],
    ]);

    const [item] = await run('trash.list');
    await run('trash.restore', { id: item!.id });
    expect(kept(db)).toEqual(countedFromTurns(db));
    expect((await run('speakers.list')).find((s) => s.name === 'Ayu')).toMatchObject({ turnCount: 20, documents: ['ayu', 'budi', 'group'] });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    core.close();
  });

  it('a speaker’s last document deleted takes the speaker with it', async () => {
    const { run, core } = await studyProject();
    const budi = (await run('documents.list')).find((d) => d.name === 'budi')!;
    await run('documents.delete', { id: budi.id });
    const group = (await run('documents.list')).find((d) => d.name === 'group')!;
    await run('documents.delete', { id: group.id });
    expect((await run('speakers.list')).map((s) => s.name)).toEqual(['Pewawancara', 'Ayu']);
    expect(kept(core.project!.db)).toEqual(countedFromTurns(core.project!.db));
    core.close();
  });

  it('rewrites on a merge the turns of only the documents the merged speaker speaks in', async () => {
    const { run, core } = await studyProject();
    const db = core.project!.db;
    db.exec('CREATE TEMP TABLE rewritten(document_id INTEGER); CREATE TEMP TRIGGER count_rewrites AFTER UPDATE ON main.document_turns BEGIN INSERT INTO rewritten VALUES (new.document_id); END;');
    const id = async (name: string) => (await run('speakers.list')).find((s) => s.name === name)!.id;
    await run('speakers.merge', { sourceId: await id('Citra'), targetId: await id('Ayu') });
    const group = (await run('documents.list')).find((d) => d.name === 'group')!;
    expect(db.prepare('SELECT document_id FROM rewritten').pluck().all()).toEqual([group.id]);
    core.close();
  });

  it('carries the turns of a project written before speakers had their documents (migrations 18 and 19)', async () => {
    const env = newCore();
    const file = path.join(env.dir, 'old.tematik');
    // The project as version 17 left it: a row for each turn, indexed by speaker.
    const old = openProjectFile(file, { create: true, targetVersion: 17 });
    old.exec(`
      INSERT INTO documents(id, uuid, name, source_name, content_hash, imported_at, text, length) VALUES
        (1, 'u1', 'ayu', 'ayu.txt', 'h1', '', 'Pewawancara: apa kabar?
Ayu: baik.
Pewawancara: kerja?
Ayu: ojek.', 65),
        (2, 'u2', 'budi', 'budi.txt', 'h2', '', 'Budi: halo.', 11);
      INSERT INTO speakers(id, name, is_interviewer) VALUES (1, 'Pewawancara', 1), (2, 'Ayu', 0), (3, 'Budi', 0);
      INSERT INTO turns(document_id, speaker_id, start, content_start, "end", time_start_ms, time_end_ms) VALUES
        (1, 2, 24, 29, 34, 61000, NULL), (1, 1, 0, 13, 23, NULL, NULL), (1, 2, 55, 60, 65, NULL, 70500), (1, 1, 35, 48, 54, NULL, NULL), (2, 3, 0, 6, 11, NULL, NULL);
    `);
    old.close();

    await env.run('project.open', { path: file });
    const db = env.core.project!.db;
    expect(kept(db)).toEqual([
      { speaker_id: 1, document_id: 1, turns: 2 },
      { speaker_id: 2, document_id: 1, turns: 2 },
      { speaker_id: 3, document_id: 2, turns: 1 },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'turns'").all()).toEqual([]);
    // In the order of their starts, with their times, whatever order the rows were written in.
    expect((await env.run('documents.turns', { documentId: 1 })).map((t) => [t.speaker, t.start, t.contentStart, t.end, t.timeStartMs, t.timeEndMs])).toEqual([
      ['Pewawancara', 0, 13, 23, null, null],
      ['Ayu', 24, 29, 34, 61000, null],
      ['Pewawancara', 35, 48, 54, null, null],
      ['Ayu', 55, 60, 65, null, 70500],
    ]);
    expect((await env.run('documents.turns', { documentId: 2 })).map((t) => [t.speaker, t.timeStartMs])).toEqual([['Budi', null]]);
    expect(db.prepare('SELECT times FROM document_turns WHERE document_id = 2').pluck().get()).toBeNull();
    expect((await env.run('speakers.list')).map((s) => [s.name, s.turnCount])).toEqual([
      ['Pewawancara', 2],
      ['Ayu', 2],
      ['Budi', 1],
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    env.core.close();
  });
});
