import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCore } from '../helpers/tempProject';

async function sample() {
  const env = newCore();
  await env.run('project.openSample', { path: path.join(env.dir, 'sample.tematik'), lang: 'en' });
  const code = (name: string) => env.run('codes.list').then((codes) => codes.find((c) => c.name === name)!);
  return { ...env, code };
}

describe('retrieval of coded passages', () => {
  it('lists a code’s passages with document, speaker, case and context, filtered by case attribute', async () => {
    const { run, code, core } = await sample();
    const income = await code('Income uncertainty');
    const all = await run('analysis.retrieve', { codeId: income.id });
    expect(all).toHaveLength(14);
    const genZ = await run('analysis.retrieve', { codeId: income.id, where: { generation: 'Gen Z' } });
    expect([...new Set(genZ.map((p) => p.cases[0]))].sort()).toEqual(['Dedi', 'Kevin', 'Putri', 'Rina']);
    expect(genZ.length).toBeLessThan(all.length);
    const kevin = genZ.find((p) => p.document.startsWith('05 Kevin'))!;
    expect(kevin).toMatchObject({ speaker: 'Kevin', cases: ['Kevin'], coder: 'Peneliti', code: 'Income uncertainty' });
    expect(kevin.context).toContain(kevin.text);
    expect(await run('analysis.retrieve', { codeId: income.id, where: { generation: 'Gen Z', platform: 'Upwork' } })).toHaveLength(
      genZ.filter((p) => p.cases.includes('Kevin')).length,
    );
    expect(await run('analysis.retrieve', { codeId: income.id, coder: 'Nobody' })).toEqual([]);
    core.close();
  });

  it('hands out the same passages a window at a time, and the next window after a change reflects it', async () => {
    const { run, code, core } = await sample();
    const income = await code('Income uncertainty');
    for (const filter of [{ codeId: income.id }, { codeId: income.id, where: { generation: 'Gen Z' } }]) {
      const all = await run('analysis.retrieve', filter);
      const windows = [];
      for (let offset = 0; offset < all.length + 5; offset += 5) {
        const window = await run('analysis.retrieveWindow', { ...filter, offset, limit: 5 });
        expect(window.total).toBe(all.length);
        windows.push(...window.passages);
      }
      expect(windows).toEqual(all);
    }
    const [first] = (await run('analysis.retrieveWindow', { codeId: income.id, offset: 0, limit: 1 })).passages;
    await run('codings.delete', { id: first!.codingId });
    const after = await run('analysis.retrieveWindow', { codeId: income.id, offset: 0, limit: 1 });
    expect(after.total).toBe(13);
    expect(after.passages[0]!.codingId).not.toBe(first!.codingId);
    await expect(run('analysis.retrieveWindow', { codeId: income.id, offset: 0, limit: 0 })).rejects.toMatchObject({ code: 'validation' });
    core.close();
  });

  it('codes every search hit in one step, and coding them again adds nothing', async () => {
    const { run, code, core } = await sample();
    const competition = await code('Competition');
    const hits = await run('search.text', { terms: 'bersaing', lang: 'id' });
    expect(await run('codings.createMany', { codeId: competition.id, passages: hits.map(({ documentId, start, end }) => ({ documentId, start, end })) })).toMatchObject({
      created: hits.length,
    });
    expect(await run('codings.createMany', { codeId: competition.id, passages: hits.map(({ documentId, start, end }) => ({ documentId, start, end })) })).toEqual({ created: 0, codings: [] });
    const texts = (await run('analysis.retrieve', { codeId: competition.id })).map((p) => p.text);
    for (const hit of hits) expect(texts).toContain(hit.text);
    await expect(run('codings.createMany', { codeId: competition.id, passages: [{ documentId: hits[0]!.documentId, start: 0, end: 10 ** 7 }] })).rejects.toMatchObject({
      code: 'range_invalid',
    });
    core.close();
  });
});

describe('co-occurrence for a side panel', () => {
  it('keeps only the most frequent pairs when asked, in the same order as the whole list', async () => {
    const { run } = await sample();
    const all = await run('analysis.cooccurrence', {});
    expect(all.length).toBeGreaterThan(3);
    expect(await run('analysis.cooccurrence', { top: 3 })).toEqual(all.slice(0, 3));
    for (let i = 1; i < all.length; i++) {
      const [x, y] = [all[i - 1]!, all[i]!];
      expect(x.count > y.count || (x.count === y.count && (x.a.localeCompare(y.a) < 0 || (x.a === y.a && x.b.localeCompare(y.b) <= 0)))).toBe(true);
      expect(y.a.localeCompare(y.b)).toBeLessThanOrEqual(0);
    }
  });
});

describe('queries saved as codes, and code counts', () => {
  it('saves the passages of a query as a new code in one step', async () => {
    const { run, core } = await sample();
    const result = await run('analysis.saveQueryAsCode', { expression: '"Income uncertainty" AND "No welfare protection"', name: 'Precarity' });
    expect(result).toMatchObject({ codings: 5, code: { name: 'Precarity', codingCount: 5, documentCount: 5, caseCount: 5 } });
    const rows = await run('codings.rows', { codeId: result.code.id });
    expect(rows.map((r) => r.text)).toContain('Kalau laptop rusak, ya berhenti kerja, tidak ada kantor yang ganti.');
    await expect(run('analysis.saveQueryAsCode', { expression: 'Nope AND', name: 'X' })).rejects.toMatchObject({ code: 'query_incomplete' });
    expect((await run('codes.list')).find((c) => c.name === 'X')).toBeUndefined();
    core.close();
  });

  it('finds codes said in the same speaker turn with NEAR/TURN, against the turns stored at import', async () => {
    const { run, core } = await sample();
    const sameTurn = await run('analysis.query', { expression: '"Income uncertainty" NEAR/TURN Competition' });
    const turns = new Map<number, { start: number; end: number }[]>();
    for (const doc of await run('documents.list')) turns.set(doc.id, await run('documents.turns', { documentId: doc.id }));
    expect(sameTurn.length).toBeGreaterThan(0);
    // Every passage lies in a turn that also holds a passage of the other code.
    for (const passage of sameTurn) {
      const turn = turns.get(passage.documentId)!.find((t) => t.start < passage.end && passage.start < t.end);
      expect(turn).toBeDefined();
      expect(sameTurn.some((other) => other !== passage && other.documentId === passage.documentId && other.start < turn!.end && turn!.start < other.end)).toBe(true);
    }
    const anywhere = await run('analysis.query', { expression: '"Income uncertainty" NEAR/100000 Competition' });
    expect(anywhere.length).toBeGreaterThanOrEqual(sameTurn.length);
    core.close();
  });

  it('quotes the passages the researcher marked as key quotes, in reading order, and chooses its own when none are marked', async () => {
    const { run, core, code } = await sample();
    const income = await code('Income uncertainty');
    const chosen = (await run('report.build', { themes: [income.id], lang: 'en', format: 'md' })).content;
    expect(chosen.match(/^> — /gm)).toHaveLength(3);
    const passages = await run('analysis.retrieve', { codeId: income.id });
    const picks = [passages[passages.length - 1]!, passages[1]!];
    for (const p of picks) await run('codings.update', { id: p.codingId, keyQuote: true });
    expect((await run('analysis.retrieve', { codeId: income.id })).filter((p) => p.keyQuote).map((p) => p.codingId)).toEqual([passages[1]!.codingId, passages[passages.length - 1]!.codingId]);
    const report = (await run('report.build', { themes: [income.id], lang: 'en', format: 'md' })).content;
    const quoted = [...report.matchAll(/^> (?!— )(.*)$/gm)].map((m) => m[1]);
    expect(quoted).toEqual([passages[1]!, passages[passages.length - 1]!].map((p) => p.text.trim().replace(/\s*\n\s*/g, ' ')));
    core.close();
  });

  it('keeps a key-quote mark when its coding collapses into a duplicate during a merge', async () => {
    const { run, core, code } = await sample();
    const [doc] = await run('documents.list');
    const competition = await code('Competition');
    const income = await code('Income uncertainty');
    const marked = await run('codings.create', { documentId: doc!.id, codeId: competition.id, start: 100, end: 160 });
    const twin = await run('codings.create', { documentId: doc!.id, codeId: income.id, start: 100, end: 160 });
    await run('codings.update', { id: marked.id, keyQuote: true });
    expect(await run('codes.merge', { sourceId: competition.id, targetId: income.id })).toMatchObject({ collapsed: 1, undo: { marked: [twin.id] } });
    expect((await run('codings.list', {})).find((c) => c.id === twin.id)).toMatchObject({ keyQuote: true, start: 100, end: 160 });
    core.close();
  });

  it('carries a code’s memo into the chapter report as analytic notes, and brings it back on undo of a delete', async () => {
    const { run, core, code } = await sample();
    const income = await code('Income uncertainty');
    await run('codes.update', { id: income.id, memo: 'Seasonal: December peaks, February troughs.' });
    const report = await run('report.build', { themes: [income.id], lang: 'en', format: 'md' });
    expect(report.content).toContain('**Analytic notes:** Seasonal: December peaks, February troughs.');
    const { historyEntry } = await import('../../shared/history/inverse');
    const removed = await run('codes.delete', { id: income.id });
    await run('history.apply', { steps: historyEntry('codes.delete', { id: income.id }, removed)!.undo });
    expect((await code('Income uncertainty')).memo).toBe('Seasonal: December peaks, February troughs.');
    core.close();
  });
});
