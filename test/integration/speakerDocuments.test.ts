import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newCore } from '../helpers/tempProject';

/** A transcript with `turns` turns of each speaker, alternating. */
const transcript = (speakers: string[], turns: number, tag: string) =>
  Array.from({ length: turns }, (_, i) => speakers.map((s) => `${s}: ${tag} jawaban ${i} tentang ojek dan penghasilan.`).join('\n')).join('\n');

const upload = (fileName: string, text: string) => ({ fileName, bytes: Buffer.from(text) });

/** What `speaker_documents` must hold: the turns themselves, counted. */
function countedFromTurns(db: Database.Database) {
  return db.prepare('SELECT speaker_id, document_id, count(*) AS turns FROM turns GROUP BY speaker_id, document_id ORDER BY speaker_id, document_id').all();
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

  it('finds a merged speaker’s turns through the documents index, not by reading every turn', async () => {
    const { core } = await studyProject();
    const plan = core
      .project!.db.prepare('EXPLAIN QUERY PLAN UPDATE turns SET speaker_id = @target WHERE document_id IN (SELECT document_id FROM speaker_documents WHERE speaker_id = @source) AND speaker_id = @source')
      .all({ source: 1, target: 2 }) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH turns USING INDEX turns_document/);
    core.close();
  });

  it('fills the table from the turns of a project written before it (migration 18)', async () => {
    const { core, dir } = await studyProject();
    const file = path.join(dir, 'p.tematik');
    const expected = countedFromTurns(core.project!.db);
    core.close();
    // The project as version 17 left it: no table, an index of the turns by speaker.
    const old = new Database(file);
    old.exec('DROP TABLE speaker_documents; CREATE INDEX turns_speaker ON turns(speaker_id, document_id);');
    old.pragma('user_version = 17');
    old.close();

    const reopened = newCore(dir);
    await reopened.run('project.open', { path: file });
    const db = reopened.core.project!.db;
    expect(kept(db)).toEqual(expected);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'turns' ORDER BY name").pluck().all()).toEqual(['turns_document']);
    expect((await reopened.run('speakers.list')).map((s) => [s.name, s.turnCount])).toEqual([
      ['Pewawancara', 12],
      ['Ayu', 9],
      ['Budi', 7],
      ['Citra', 4],
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    reopened.core.close();
  });
});
