/**
 * Building the thematic summary from the project: themes are codes with
 * everything under them. Quotes are the passages the researcher marked as
 * key quotes; a theme with none gets three chosen for it, one per
 * participant where possible, the most central first (codings that overlap
 * the most other codes carry the theme's connections), trimmed to a
 * readable length.
 */
import { cooccurrence, type CodingFact } from '../../../shared/analysis/cooccurrence';
import { branchIds } from '../../../shared/analysis/subset';
import { codePaths } from '../../../shared/model/codeTree';
import type { ChapterModel, ChapterQuote, ChapterTheme } from '../../../shared/report/chapter';
import { sliceCodePoints } from '../../../shared/text/codepoints';
import { formatTimestamp } from '../../../shared/text/speakers';
import { loadFacts } from '../analysis/facts';
import type { Project } from '../project';
import { documentTurnsReader } from '../store/documentTurns';

const QUOTES = 3;
const IDEAL_LENGTH = 220;

export function buildChapter(project: Project, options: { themes: number[]; by?: string; title: string }): ChapterModel {
  const data = loadFacts(project);
  const paths = codePaths(data.codes);
  const names = new Map(data.codes.map((c) => [c.id, c.name]));
  const caseNames = new Map(data.cases.map((c) => [c.id, c.name]));
  const documents = new Map(data.documents.map((d) => [d.id, d.name]));
  const guidance = new Map(
    (project.stmt('SELECT id, description, inclusion, memo FROM codes').all() as { id: number; description: string; inclusion: string; memo: string }[]).map((c) => [c.id, c]),
  );
  const turnsOf = documentTurnsReader(project);
  const keyQuotes = new Set((project.stmt('SELECT id FROM codings WHERE key_quote = 1').raw(true).all() as [number][]).map(([id]) => id));
  const pairs = cooccurrence(data.facts, { kind: 'overlap' });
  const values = (attribute: string) => [...new Set([...data.attributes.values()].map((a) => a[attribute]).filter((v): v is string => v !== undefined))].sort();

  const themes = options.themes.map((themeId): ChapterTheme => {
    const branch = branchIds([themeId], data.codes);
    const codings = data.facts.filter((f) => branch.has(f.codeId));
    const cases = new Set(codings.flatMap((f) => f.caseIds));
    const partners = new Map<string, number>();
    for (const p of pairs) {
      const inside = branch.has(p.a) ? (branch.has(p.b) ? null : p.b) : branch.has(p.b) ? p.a : null;
      if (inside !== null) partners.set(names.get(inside)!, (partners.get(names.get(inside)!) ?? 0) + p.count);
    }
    const groups = options.by
      ? values(options.by).map((value) => {
          const inGroup = [...data.attributes].filter(([, a]) => a[options.by!] === value).map(([id]) => id);
          return { value, cases: inGroup.filter((id) => cases.has(id)).length, of: inGroup.length };
        })
      : [];
    const info = guidance.get(themeId);
    return {
      name: names.get(themeId)!,
      path: paths.get(themeId)!,
      definition: info?.description ?? '',
      inclusion: info?.inclusion ?? '',
      memo: info?.memo ?? '',
      codings: codings.length,
      cases: cases.size,
      totalCases: data.cases.length,
      groups,
      cooccurring: [...partners]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
        .slice(0, 3),
      quotes: (codings.some((f) => keyQuotes.has(f.id)) ? inReadingOrder(codings.filter((f) => keyQuotes.has(f.id))) : chooseQuotes(codings, data.facts)).map((f) => quote(f)),
    };
  });

  function inReadingOrder(facts: CodingFact[]): CodingFact[] {
    return facts.sort((a, b) => documents.get(a.documentId)!.localeCompare(documents.get(b.documentId)!) || a.start - b.start || a.id - b.id);
  }

  function quote(f: CodingFact): ChapterQuote {
    const doc = project.documentText(f.documentId)!;
    let text = sliceCodePoints(doc.text, f.start, f.end, doc.index).trim();
    if (text.length > 600) text = `${text.slice(0, 597).trimEnd()}…`;
    const owner = f.caseIds[0];
    const attributes = owner === undefined ? {} : (data.attributes.get(owner) ?? {});
    const shown = [options.by && attributes[options.by], ...Object.keys(attributes).filter((k) => k !== options.by && k !== 'informant' && k !== 'language').sort().slice(0, 3).map((k) => attributes[k])]
      .filter(Boolean)
      .join(', ');
    const who = owner === undefined ? documents.get(f.documentId)! : `${caseNames.get(owner)}${shown ? ` (${shown})` : ''}`;
    const turns = turnsOf(f.documentId);
    const turn = f.turnId === null ? -1 : turns.indexAt(f.start);
    const time = turn === -1 ? null : turns.timeStartMs(turn);
    return { text, citation: `${who}, ${time !== null ? formatTimestamp(time) : `${documents.get(f.documentId)}, ${f.start}–${f.end}`}` };
  }

  const branches = options.themes.map((themeId) => branchIds([themeId], data.codes));
  const between = (i: number, j: number) =>
    pairs.reduce((sum, p) => sum + ((branches[i]!.has(p.a) && branches[j]!.has(p.b)) || (branches[i]!.has(p.b) && branches[j]!.has(p.a)) ? p.count : 0), 0);
  const matrix = options.themes.map((_, i) => options.themes.map((__, j) => (i === j ? 0 : between(i, j))));
  return { title: options.title, groupBy: options.by ?? null, themes, cooccurrence: matrix };
}

/** Up to three codings, one per participant first, the most connected and readable first. */
function chooseQuotes(codings: readonly CodingFact[], all: readonly CodingFact[]): CodingFact[] {
  const byDocument = new Map<number, CodingFact[]>();
  for (const f of all) byDocument.set(f.documentId, [...(byDocument.get(f.documentId) ?? []), f]);
  const centrality = (f: CodingFact) => new Set((byDocument.get(f.documentId) ?? []).filter((o) => o.codeId !== f.codeId && o.start < f.end && f.start < o.end).map((o) => o.codeId)).size;
  const ranked = [...codings].sort((a, b) => centrality(b) - centrality(a) || Math.abs(a.end - a.start - IDEAL_LENGTH) - Math.abs(b.end - b.start - IDEAL_LENGTH) || a.id - b.id);
  const chosen: CodingFact[] = [];
  const seen = new Set<string>();
  for (const f of ranked) {
    const owner = f.caseIds.join(',') || `d${f.documentId}`;
    if (seen.has(owner)) continue;
    seen.add(owner);
    chosen.push(f);
    if (chosen.length === QUOTES) return chosen;
  }
  for (const f of ranked) if (chosen.length < QUOTES && !chosen.includes(f)) chosen.push(f);
  return chosen;
}
