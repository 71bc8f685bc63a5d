/**
 * The analyses' codings kept in step with the project: after every kind of
 * change they equal what a fresh read of the file gives (a second,
 * read-only connection reads it whole each time).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepsLiveCodings, liveCodingFacts } from '../../electron/core/analysis/liveCodings';
import { readDocumentTurns, storeDocumentTurns, TurnsBuilder } from '../../electron/core/store/documentTurns';
import { newCore } from '../helpers/tempProject';

describe('codings kept in step for the analyses', () => {
  it('match a fresh read (facts and export rows) after codings, codes, cases, speakers and documents change, after a rollback and after another connection writes', async () => {
    const { core, run, dir } = newCore();
    const file = path.join(dir, 'sample.tematik');
    await run('project.openSample', { path: file, lang: 'en' });
    const project = core.project!;
    const reader = newCore(dir);
    await reader.run('project.open', { path: file, readOnly: true });
    const fresh = () => liveCodingFacts(reader.core.project!);
    const expectInStep = async () => {
      expect(liveCodingFacts(project)).toEqual(fresh());
      // The export rows are made from the same codings, with their speakers, cue times and memos.
      expect(await run('codings.rows', {})).toEqual(await reader.run('codings.rows', {}));
    };

    expect(keepsLiveCodings(project)).toBe(false);
    await expectInStep();
    expect(keepsLiveCodings(project)).toBe(true);
    const documents = await run('documents.list');
    const codes = await run('codes.list');

    const { codings } = await run('codings.apply', { documentId: documents[0]!.id, start: 10, end: 60, codeIds: [codes[0]!.id, codes[1]!.id] });
    await expectInStep();
    // Moved into another turn: its turn and cases change with it.
    await run('codings.update', { id: codings[0]!.id, start: 400, end: 450, memo: 'moved' });
    await expectInStep();
    await run('codings.delete', { id: codings[1]!.id });
    await expectInStep();
    await run('codes.delete', { id: codes[2]!.id });
    await expectInStep();

    const speaker = (await run('speakers.list')).find((s) => !s.isInterviewer)!;
    await run('speakers.update', { id: speaker.id, caseName: 'Someone else' });
    await expectInStep();
    // Marked as the interviewer, the speaker has no case: their codings fall back to their documents' cases.
    await run('speakers.update', { id: speaker.id, isInterviewer: true });
    await expectInStep();
    const [source, target] = (await run('speakers.list')).filter((s) => !s.isInterviewer);
    await run('speakers.merge', { sourceId: source!.id, targetId: target!.id });
    await expectInStep();
    // The codings of that speaker, now without a case of their own, take on a case linked to their documents.
    const theirDocuments = documents.filter((d) => speaker.documents.includes(d.name)).map((d) => d.id);
    const factsOfTheirs = () => liveCodingFacts(project).filter((f) => theirDocuments.includes(f.documentId)).map((f) => f.caseIds.length);
    const casesBefore = factsOfTheirs();
    await run('cases.create', { name: 'Second case', documentIds: theirDocuments });
    expect(factsOfTheirs()).not.toEqual(casesBefore);
    await expectInStep();
    await run('documents.delete', { id: documents[2]!.id });
    await expectInStep();

    // A coded document split into turns anew, as re-detecting its speakers would: here into one turn, by its last speaker.
    const coded = liveCodingFacts(project)[0]!.documentId;
    const turnOf = () => liveCodingFacts(project).filter((f) => f.documentId === coded).map((f) => f.turnId);
    const turnsBefore = turnOf();
    expect(new Set(turnsBefore).size).toBeGreaterThan(1);
    project.db.transaction(() => {
      const old = readDocumentTurns(project, coded);
      const whole = new TurnsBuilder();
      whole.add(old.speakerId(old.length - 1), 0, 0, old.end(old.length - 1), null, null);
      storeDocumentTurns(project, coded, whole.build());
    })();
    project.wrote();
    expect(turnOf()).not.toEqual(turnsBefore);
    await expectInStep();

    // The first code is applied, the second does not exist: nothing of it stays, in the file or in the facts.
    const before = liveCodingFacts(project).length;
    await expect(run('codings.apply', { documentId: documents[0]!.id, start: 5, end: 9, codeIds: [codes[3]!.id, 999_999] })).rejects.toThrow();
    expect(liveCodingFacts(project)).toHaveLength(before);
    await expectInStep();

    const other = new Database(file);
    other.prepare('DELETE FROM codings WHERE id IN (SELECT id FROM codings ORDER BY id LIMIT 3)').run();
    other.close();
    expect(liveCodingFacts(project)).toHaveLength(before - 3);
    await expectInStep();

    reader.core.close();
    core.close();
  });
});
