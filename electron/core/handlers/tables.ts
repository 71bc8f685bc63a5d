/** Frequency tables, code matrices and word frequencies (see shared/analysis/frequencies.ts and wordCounts.ts). */
import { codeFrequencies, codeMatrix, crosstab } from '../../../shared/analysis/frequencies';
import { filterFacts } from '../../../shared/analysis/subset';
import { codePaths, flattenCodeTree } from '../../../shared/model/codeTree';
import { loadFacts } from '../analysis/facts';
import { stopwordChanges, wordFrequencies } from '../analysis/words';
import type { HandlersFor } from './types';

type TableOps = 'analysis.frequencies' | 'analysis.matrix' | 'analysis.words' | 'analysis.stopwords' | 'analysis.setStopwords';

export const tableHandlers: Pick<HandlersFor<'analysis'>, TableOps> = {
  'analysis.words': (query, core) => wordFrequencies(core.requireProject(), query),
  'analysis.stopwords': (_input, core) => stopwordChanges(core.requireProject()),
  'analysis.setStopwords': ({ added, removed }, core) => {
    const changes = { added: [...new Set(added.map((w) => w.toLocaleLowerCase()))], removed: [...new Set(removed.map((w) => w.toLocaleLowerCase()))] };
    core.requireProject().setMeta('stopwords', JSON.stringify(changes));
    return changes;
  },

  'analysis.frequencies': ({ by, ...subset }, core) => {
    const data = loadFacts(core.requireProject());
    const facts = filterFacts(data.facts, subset, data.attributes, data.codes);
    const paths = codePaths(data.codes);
    const counts = new Map(codeFrequencies(facts).map((f) => [f.codeId, f]));
    const ordered = flattenCodeTree(data.codes).map((row) => row.code);
    const names = new Map(data.codes.map((c) => [c.id, c.name]));
    const label = (codeId: number) => ({ codeId, code: names.get(codeId)!, path: paths.get(codeId)! });
    const codes = ordered.map((c) => ({ ...label(c.id), codings: counts.get(c.id)?.codings ?? 0, documents: counts.get(c.id)?.documents ?? 0, cases: counts.get(c.id)?.cases ?? 0 }));
    if (!by) return { codes };
    const table = crosstab(facts, by, data.attributes);
    const order = new Map(ordered.map((c, i) => [c.id, i]));
    const values = new Map(table.values.map((v, i) => [v.value, i]));
    return {
      codes,
      crosstab: {
        attribute: by,
        values: table.values,
        cells: table.cells
          .map((cell) => ({ ...label(cell.codeId), value: cell.value, cases: cell.cases, codings: cell.codings, percent: cell.percent }))
          .sort((x, y) => order.get(x.codeId)! - order.get(y.codeId)! || values.get(x.value)! - values.get(y.value)!),
      },
    };
  },

  'analysis.matrix': ({ cols, binary, ...subset }, core) => {
    const data = loadFacts(core.requireProject());
    const facts = filterFacts(data.facts, subset, data.attributes, data.codes);
    const caseName = new Map(data.cases.map((c) => [c.id, c.name]));
    const byCase = cols === 'cases';
    const columnsOf = byCase
      ? (f: (typeof facts)[number]) => f.caseIds.map((id) => caseName.get(id)!)
      : (f: (typeof facts)[number]) => f.caseIds.map((id) => data.attributes.get(id)?.[cols]).filter((v): v is string => v !== undefined);
    const columns = byCase
      ? data.cases.map((c) => c.name)
      : [...new Set([...data.attributes.values()].map((a) => a[cols]).filter((v): v is string => v !== undefined))].sort((a, b) => a.localeCompare(b));
    const matrix = codeMatrix(facts, columnsOf);
    const paths = codePaths(data.codes);
    return {
      columns,
      rows: flattenCodeTree(data.codes).map(({ code }) => ({
        codeId: code.id,
        code: code.name,
        path: paths.get(code.id)!,
        values: columns.map((column) => {
          const n = matrix.get(code.id)?.get(column) ?? 0;
          return binary ? Math.min(1, n) : n;
        }),
      })),
    };
  },
};
