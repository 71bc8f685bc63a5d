import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../electron/core/analysis/facts';
import { startBackgroundUpkeep } from '../../electron/core/backgroundUpkeep';
import type { Project } from '../../electron/core/project';
import { indexPendingDocuments } from '../../electron/core/search/textSearch';
import { formsPattern, stem, stemDocument } from '../../electron/core/search/stemming';
import { newCore, writeFile } from '../helpers/tempProject';

describe('stemming', () => {
  it('gives Indonesian affixed forms the stem of their root word', () => {
    expect(stem('pendapatannya', 'id')).toBe(stem('pendapatan', 'id'));
    expect(stem('berpendapatan', 'id')).toBe(stem('pendapatan', 'id'));
    expect(stem('penghasilan', 'id')).toBe(stem('menghasilkan', 'id'));
    expect(stem('pekerjaan', 'id')).toBe(stem('bekerja', 'id'));
  });
  it('stems English with Porter', () => {
    expect(stem('working', 'en')).toBe(stem('worked', 'en'));
    expect(stem('Networks', 'en')).toBe('network');
  });
  it('indexes both languages’ stems of the words, each term and each written form once', () => {
    const { stems, forms } = stemDocument('Pendapatannya naik. NAIK lagi, naik 2024');
    expect(stems).toBe('idapat ependapatannya inaik enaik ilagi elagi i2024 e2024');
    expect([...forms.keys()]).toEqual(['pendapatannya', 'naik', 'lagi', '2024']);
  });
  it('matches written forms only as whole words, in any case', () => {
    const pattern = formsPattern(['naik', 'part-time']);
    const found = (text: string) => [...text.matchAll(pattern)].map((m) => m[0]);
    expect(found('Naik, NAIK; menaik naiknya naik-turun part-time part-timer part')).toEqual(['Naik', 'NAIK', 'part-time']);
  });
});

describe('full-text search', () => {
  async function project() {
    const env = newCore();
    await env.run('project.create', { path: path.join(env.dir, 'p.tematik') });
    await env.run('documents.importFiles', {
      paths: [
        writeFile(env.dir, 'Rina.txt', 'Pewawancara: Bagaimana pendapatan Anda?\nRina: Pendapatannya naik turun 😅, saya berpendapatan kecil.'),
        writeFile(env.dir, 'Kevin.txt', 'Interviewer: Any problems with clients?\nKevin: Clients disappear and stop paying.'),
      ],
    });
    return env;
  }

  it('writes every word form of every document, also after an indexing that was rolled back', async () => {
    const { run, core } = await project();
    const project_ = core.project!;
    const db = project_.db;
    const wanted = () => {
      const pairs = new Set<string>();
      for (const { text } of db.prepare('SELECT text FROM documents').all() as { text: string }[]) {
        for (const [form, terms] of stemDocument(text).forms) for (const term of terms) pairs.add(`${term} ${form}`);
      }
      return [...pairs].sort();
    };
    const stored = () => (db.prepare('SELECT term, form FROM word_forms').all() as { term: string; form: string }[]).map((r) => `${r.term} ${r.form}`).sort();
    // Indexed inside a transaction that then fails: none of it stays, and none of its forms count as written.
    expect(() =>
      db.transaction(() => {
        indexPendingDocuments(project_);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(stored()).toEqual([]);
    await run('search.text', { terms: 'pendapatan' });
    expect(stored()).toEqual(wanted());
    // A third transcript saying the same words and new ones.
    await run('documents.importUploads', { files: [{ fileName: 'Yohanes.txt', base64: Buffer.from('Yohanes: Pendapatan saya naik, clients banyak. Kebun kopi juga.').toString('base64') }] });
    await run('search.text', { terms: 'kopi' });
    expect(stored()).toEqual(wanted());
    core.close();
  });

  it('finds every inflected form with its exact position and context', async () => {
    const { run, core } = await project();
    const hits = await run('search.text', { terms: 'pendapatan', lang: 'id' });
    expect(hits.map((h) => [h.document, h.text, h.start, h.end])).toEqual([
      ['Rina', 'pendapatan', 23, 33],
      ['Rina', 'Pendapatannya', 46, 59],
      ['Rina', 'berpendapatan', 79, 92],
    ]);
    expect(hits[2]!.context).toContain('saya berpendapatan kecil');
    const { text } = await run('documents.get', { id: hits[2]!.documentId });
    expect([...text].slice(79, 92).join('')).toBe('berpendapatan');
    core.close();
  });

  it('rebuilds a stem index made before word forms were kept (schema 6), and finds the same hits', async () => {
    const { run, core, dir } = await project();
    const before = await run('search.text', { terms: 'pendapatan', lang: 'id' });
    const file = path.join(dir, 'p.tematik');
    await run('project.close', {});
    const db = new Database(file);
    db.exec('DROP TABLE word_forms; DROP TABLE agreement_notes; DROP TABLE audit_log; DROP TABLE trash; DROP TABLE speaker_documents; ALTER TABLE codes DROP COLUMN memo; ALTER TABLE codings DROP COLUMN key_quote');
    // Turns as rows, as they were then (migration 19 made them one row a document); these documents have none.
    db.exec(`DROP TABLE document_turns;
      CREATE TABLE turns (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, speaker_id INTEGER NOT NULL REFERENCES speakers(id),
        start INTEGER NOT NULL, content_start INTEGER NOT NULL, "end" INTEGER NOT NULL, time_start_ms INTEGER, time_end_ms INTEGER);
      CREATE INDEX turns_document ON turns(document_id, start); CREATE INDEX turns_speaker ON turns(speaker_id);`);
    db.pragma('user_version = 6');
    db.close();
    await run('project.open', { path: file });
    expect(await run('search.text', { terms: 'pendapatan', lang: 'id' })).toEqual(before);
    core.close();
  });

  it('needs every word of the query in a document, in the chosen language', async () => {
    const { run, core } = await project();
    expect((await run('search.text', { terms: 'client pay', lang: 'en' })).map((h) => h.text)).toEqual(['clients', 'Clients', 'paying']);
    expect(await run('search.text', { terms: 'client pendapatan' })).toEqual([]);
    await expect(run('search.text', { terms: ' ?! ' })).rejects.toMatchObject({ code: 'search_empty' });
    core.close();
  });

  it('forgets a deleted document and indexes a new one', async () => {
    const { run, dir, core } = await project();
    const rina = (await run('documents.list')).find((d) => d.name === 'Rina')!;
    expect(await run('search.text', { terms: 'naik' })).toHaveLength(1);
    await run('documents.delete', { id: rina.id });
    expect(await run('search.text', { terms: 'naik' })).toEqual([]);
    await run('documents.importFiles', { paths: [writeFile(dir, 'Ayu.txt', 'Ayu: Harga naik terus.')] });
    expect((await run('search.text', { terms: 'naik' })).map((h) => h.document)).toEqual(['Ayu']);
    expect(core.project!.db.pragma('integrity_check', { simple: true })).toBe('ok');
    core.close();
  });
});

describe('indexing in the background', () => {
  const pendingIn = (project: Project) => () => project.db.prepare('SELECT count(*) FROM documents WHERE stems_indexed = 0').pluck().get() as number;

  it('indexes every document once the researcher has been quiet, and waits while requests keep coming', async () => {
    const { core, run, dir } = newCore();
    await run('project.openSample', { path: path.join(dir, 'study.tematik'), lang: 'id' });
    const pending = pendingIn(core.project!);
    expect(pending()).toBeGreaterThan(0);
    const stop = startBackgroundUpkeep(core, (error) => { throw error; }, { tickMs: 20, quietMs: 150, sliceMs: 5, gapMs: 2 });
    try {
      // Busy: a request every 50 ms, each closer together than the quiet time.
      for (let i = 0; i < 8; i++) {
        await run('codes.list');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(pending()).toBeGreaterThan(0);
      await expect.poll(pending, { timeout: 5000 }).toBe(0);
      const hits = await run('search.text', { terms: 'pendapatan' });
      expect(hits.length).toBeGreaterThan(0);
    } finally {
      stop();
      core.close();
    }
  });

  it('while the researcher stays quiet, goes from slice to slice without waiting for the next tick', async () => {
    const { core, run, dir } = newCore();
    await run('project.openSample', { path: path.join(dir, 'study.tematik'), lang: 'id' });
    const pending = pendingIn(core.project!);
    expect(pending()).toBeGreaterThan(3);
    // One document a slice and a tick every two seconds: a slice per tick would leave most of them waiting for minutes.
    const stop = startBackgroundUpkeep(core, (error) => { throw error; }, { tickMs: 2000, quietMs: 0, sliceMs: 0, gapMs: 5 });
    try {
      await expect.poll(pending, { timeout: 3500, interval: 50 }).toBe(0);
    } finally {
      stop();
      core.close();
    }
  });

  it('indexes at least one document per slice, so that indexing nothing means nothing was left', async () => {
    const { core, run, dir } = newCore();
    await run('project.openSample', { path: path.join(dir, 'study.tematik'), lang: 'id' });
    const project = core.project!;
    const pending = pendingIn(project);
    const before = pending();
    // A budget already spent by the time the first document comes up, as on a loaded machine.
    expect(indexPendingDocuments(project, 0)).toBe(1);
    expect(pending()).toBe(before - 1);
    core.close();
  });

  it('leaves cached analyses valid: indexing changes no row they are computed from', async () => {
    const { core, run, dir } = newCore();
    await run('project.openSample', { path: path.join(dir, 'study.tematik'), lang: 'en' });
    const project = core.project!;
    const facts = loadFacts(project);
    expect(indexPendingDocuments(project)).toBeGreaterThan(0);
    expect(loadFacts(project)).toBe(facts);
    await run('codes.create', { name: 'Night shifts' });
    expect(loadFacts(project)).not.toBe(facts);
    core.close();
  });
});
