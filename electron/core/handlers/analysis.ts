import { countOverlapCooccurrence, type CodedSpan } from '../../../shared/analysis/cooccurrence';
import type { CooccurrencePair } from '../../../shared/model/types';
import type { HandlersFor } from './types';

export const analysisHandlers: HandlersFor<'analysis'> = {
  'analysis.cooccurrence': (_input, core) => {
    const project = core.requireProject();
    const spans = project
      .stmt('SELECT document_id AS documentId, code_id AS codeId, start, "end" AS "end" FROM codings')
      .all() as CodedSpan[];
    const names = new Map(
      (project.stmt('SELECT id, name FROM codes').all() as { id: number; name: string }[]).map((c) => [c.id, c.name]),
    );
    return countOverlapCooccurrence(spans)
      .map(({ a, b, count }): CooccurrencePair => {
        const [first, second] = [names.get(a)!, names.get(b)!].sort((x, y) => x.localeCompare(y));
        return { a: first!, b: second!, count };
      })
      .sort((x, y) => y.count - x.count || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  },
};
