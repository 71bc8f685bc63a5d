import { cooccurrence, pairCodings, parseRule, ruleName } from '../../../shared/analysis/cooccurrence';
import { filterFacts } from '../../../shared/analysis/subset';
import { loadFacts } from '../analysis/facts';
import { codeNames, evaluateCodeQuery, parseCodeQuery, usesTurns } from '../../../shared/analysis/codeQuery';
import type { Range } from '../../../shared/analysis/ranges';
import { codePaths, findCode } from '../../../shared/model/codeTree';
import type { Code, CooccurrencePair, Passage } from '../../../shared/model/types';
import { sliceCodePoints } from '../../../shared/text/codepoints';
import type { Project } from '../project';
import { readDocumentTurns } from '../store/documentTurns';
import { createCode, getCode } from './codes';
import { createCodings } from './codings';
import { retrievePassages } from './retrieve';
import { agreementHandlers } from './agreement';
import { tableHandlers } from './tables';
import type { HandlersFor } from './types';

export const analysisHandlers: HandlersFor<'analysis'> = {
  ...tableHandlers,
  ...agreementHandlers,
  'analysis.retrieve': (filter, core) => retrievePassages(core.requireProject(), filter).passages,
  'analysis.retrieveWindow': ({ offset, limit, ...filter }, core) => retrievePassages(core.requireProject(), filter, { offset, limit }),

  'analysis.query': ({ expression }, core) => runQuery(core.requireProject(), expression),

  /** The passages a query finds become the codings of a new code, in one step. */
  'analysis.saveQueryAsCode': ({ expression, name }, core) => {
    const project = core.requireProject();
    const passages = runQuery(project, expression);
    const code = createCode(project, { name });
    const created = createCodings(project, core.currentCoder(project), [code.id], passages);
    return { code: getCode(project, code.id), codings: created.length, created };
  },

  'analysis.pairPassages': ({ aId, bId, rule, ...subset }, core) => {
    const project = core.requireProject();
    const data = loadFacts(project);
    const names = new Map(data.codes.map((c) => [c.id, c.name]));
    const documents = new Map(data.documents.map((d) => [d.id, d.name]));
    return pairCodings(filterFacts(data.facts, subset, data.attributes, data.codes), parseRule(rule ?? 'overlap')!, aId, bId).map((f) => {
      const doc = project.documentText(f.documentId)!;
      return { codingId: f.id, code: names.get(f.codeId)!, document: documents.get(f.documentId)!, documentId: f.documentId, start: f.start, end: f.end, text: sliceCodePoints(doc.text, f.start, f.end, doc.index) };
    });
  },

  'analysis.cooccurrence': ({ rule, top, ...subset }, core) => {
    const chosen = parseRule(rule ?? 'overlap')!;
    const data = loadFacts(core.requireProject());
    const paths = codePaths(data.codes);
    const names = new Map(data.codes.map((c) => [c.id, c.name]));
    // Codes ranked by name once: 500 codes make 100,000 pairs, and comparing their names in the sort took seconds.
    const rankOf: number[] = [];
    [...data.codes].sort((x, y) => x.name.localeCompare(y.name)).forEach((c, i) => (rankOf[c.id] = i));
    const first = (pair: { a: number; b: number }) => Math.min(rankOf[pair.a]!, rankOf[pair.b]!);
    const second = (pair: { a: number; b: number }) => Math.max(rankOf[pair.a]!, rankOf[pair.b]!);
    const counted = cooccurrence(filterFacts(data.facts, subset, data.attributes, data.codes), chosen).sort(
      (x, y) => y.count - x.count || first(x) - first(y) || second(x) - second(y),
    );
    // Rows are made for the pairs asked for only: the side panel's top 50 of 100,000 pairs.
    return (top ? counted.slice(0, top) : counted).map((pair): CooccurrencePair => {
      const swap = rankOf[pair.a]! > rankOf[pair.b]!;
      const [aId, bId, n1, n2] = swap ? [pair.b, pair.a, pair.n2, pair.n1] : [pair.a, pair.b, pair.n1, pair.n2];
      return { a: names.get(aId)!, b: names.get(bId)!, count: pair.count, c: round(pair.c), rule: ruleName(chosen), n1, n2, uneven: pair.uneven, aPath: paths.get(aId)!, bPath: paths.get(bId)!, aId, bId };
    });
  },
};

export const round = (n: number) => Math.round(n * 10_000) / 10_000;

function runQuery(project: Project, expression: string): Passage[] {
  const tree = parseCodeQuery(expression);
  const codes = project.stmt('SELECT id, name, parent_id AS parentId FROM codes').all() as Code[];
  const idByName = new Map(codeNames(tree).map((name) => [name, findCode(codes, name).id]));
  const ids = [...new Set(idByName.values())];
  const rows = project
    .db.prepare(`SELECT document_id, code_id, start, "end" FROM codings WHERE code_id IN (${ids.map(() => '?').join(',')}) ORDER BY document_id`)
    .all(...ids) as { document_id: number; code_id: number; start: number; end: number }[];
  const byDocument = new Map<number, Map<number, Range[]>>();
  for (const row of rows) {
    const perCode = byDocument.get(row.document_id) ?? new Map<number, Range[]>();
    byDocument.set(row.document_id, perCode);
    perCode.set(row.code_id, [...(perCode.get(row.code_id) ?? []), { start: row.start, end: row.end }]);
  }
  const passages: Passage[] = [];
  const needsTurns = usesTurns(tree);
  for (const [documentId, perCode] of byDocument) {
    const turns = needsTurns ? readDocumentTurns(project, documentId).records(documentId) : [];
    const ranges = evaluateCodeQuery(tree, (name) => perCode.get(idByName.get(name)!) ?? [], turns);
    if (ranges.length === 0) continue;
    const doc = project.documentText(documentId)!;
    const { name } = project.stmt('SELECT name FROM documents WHERE id = ?').get(documentId) as { name: string };
    for (const range of ranges) passages.push({ document: name, documentId, ...range, text: sliceCodePoints(doc.text, range.start, range.end, doc.index) });
  }
  return passages.sort((a, b) => a.document.localeCompare(b.document) || a.start - b.start);
}
