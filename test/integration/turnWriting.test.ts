/** A new document's turns, written as one row with their count per speaker, come back as they were given, whatever their number. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentTurns, TurnsBuilder, writeNewDocumentTurns } from '../../electron/core/store/documentTurns';
import { newCore } from '../helpers/tempProject';

describe('turn rows', () => {
  it.each([0, 1, 15, 16, 17, 40, 173])('writes %i turns of a document, in order, each once', async (count) => {
    const env = newCore();
    await env.run('project.create', { path: path.join(env.dir, 'p.tematik') });
    const project = env.core.project!;
    const [documentId, speakerId] = project.db.transaction((): [number, number] => [
      Number(project.db.prepare("INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length) VALUES ('u', 'd', 'd.txt', 'h', '', 'x', 1)").run().lastInsertRowid),
      Number(project.db.prepare("INSERT INTO speakers(name) VALUES ('Informan')").run().lastInsertRowid),
    ])();
    const wanted = Array.from({ length: count }, (_, i) => ({ speakerId, start: i * 10, contentStart: i * 10 + 3, end: i * 10 + 9, timeStartMs: i % 3 ? i * 1000 : null, timeEndMs: i % 2 ? null : i * 1000 + 500 }));
    project.db.transaction(() => {
      const turns = new TurnsBuilder();
      for (const t of wanted) turns.add(speakerId, t.start, t.contentStart, t.end, t.timeStartMs, t.timeEndMs);
      writeNewDocumentTurns(project, documentId, turns.build());
    })();
    expect(readDocumentTurns(project, documentId).records(documentId).map(({ id: _, ...turn }) => turn)).toEqual(wanted);
    expect(project.db.prepare('SELECT turns FROM speaker_documents WHERE document_id = ?').pluck().all(documentId)).toEqual(count ? [count] : []);
    env.core.close();
  });
});
