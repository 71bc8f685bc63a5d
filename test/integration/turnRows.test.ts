/** Turns written many rows to a statement come back as they were given, whatever their number. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TurnWriter } from '../../electron/core/store/turnRows';
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
    const wanted = Array.from({ length: count }, (_, i) => ({ start: i * 10, content_start: i * 10 + 3, end: i * 10 + 9, time_start_ms: i % 3 ? i * 1000 : null, time_end_ms: i % 2 ? null : i * 1000 + 500 }));
    project.db.transaction(() => {
      const writer = new TurnWriter(project, documentId);
      for (const t of wanted) writer.add(speakerId, t.start, t.content_start, t.end, t.time_start_ms, t.time_end_ms);
      writer.write();
    })();
    const rows = project.db.prepare('SELECT start, content_start, "end" AS "end", time_start_ms, time_end_ms FROM turns WHERE document_id = ? AND speaker_id = ? ORDER BY id').all(documentId, speakerId);
    expect(rows).toEqual(wanted);
    env.core.close();
  });
});
