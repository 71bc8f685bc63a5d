/**
 * The texts word frequencies are counted over: whole documents (without
 * interviewer turns unless asked) or the passages of one code, in a subset;
 * each in its document's language (guessed from its stop words) or the one
 * chosen.
 */
import { countWords, type TextSpan, type WordCount } from '../../../shared/analysis/wordCounts';
import { filterFacts, matchesWhere, type Subset } from '../../../shared/analysis/subset';
import { sliceCodePoints } from '../../../shared/text/codepoints';
import { guessLanguage, stopwordSet, type StopwordChanges, type WordLanguage } from '../../../shared/text/stopwords';
import type { Project } from '../project';
import { stem } from '../search/stemming';
import { loadFacts } from './facts';

export interface WordQuery extends Subset {
  lang?: WordLanguage;
  /** Count only this code's passages. */
  codeId?: number;
  includeInterviewer?: boolean;
  top?: number;
}

export function stopwordChanges(project: Project): StopwordChanges {
  const stored = project.meta('stopwords');
  if (!stored) return { added: [], removed: [] };
  const parsed = JSON.parse(stored) as Partial<StopwordChanges>;
  return { added: parsed.added ?? [], removed: parsed.removed ?? [] };
}

export function wordFrequencies(project: Project, query: WordQuery): WordCount[] {
  const data = loadFacts(project);
  const languages = new Map<number, WordLanguage>();
  const languageOf = (documentId: number, text: string) => {
    if (query.lang) return query.lang;
    let known = languages.get(documentId);
    if (!known) {
      known = guessLanguage(text.slice(0, 20_000).match(/\p{L}+/gu) ?? []);
      languages.set(documentId, known);
    }
    return known;
  };
  const spans: TextSpan[] = [];
  if (query.codeId !== undefined) {
    const codeId = query.codeId;
    for (const fact of filterFacts(data.facts, query, data.attributes, data.codes).filter((f) => f.codeId === codeId)) {
      const doc = project.documentText(fact.documentId)!;
      spans.push({ documentId: fact.documentId, text: sliceCodePoints(doc.text, fact.start, fact.end, doc.index), language: languageOf(fact.documentId, doc.text) });
    }
  } else {
    const wanted = query.documentIds?.length ? new Set(query.documentIds) : null;
    const casesOf = project.stmt('SELECT case_id FROM case_documents WHERE document_id = ?');
    const quiet = project.stmt('SELECT t.start, t."end" AS "end" FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? AND s.is_interviewer = 1 ORDER BY t.start');
    const labels = project.stmt('SELECT start, content_start FROM turns WHERE document_id = ? ORDER BY start');
    for (const { id } of data.documents) {
      if (wanted && !wanted.has(id)) continue;
      if (query.where && !matchesWhere((casesOf.all(id) as { case_id: number }[]).map((r) => r.case_id), query.where, data.attributes)) continue;
      const doc = project.documentText(id)!;
      // Interviewer turns go unless asked for, and speaker labels always: "Rina:" is not something Rina said.
      const cut = [
        ...(query.includeInterviewer ? [] : (quiet.all(id) as { start: number; end: number }[])),
        ...(labels.all(id) as { start: number; content_start: number }[]).map((t) => ({ start: t.start, end: t.content_start })),
      ].sort((a, b) => a.start - b.start);
      let from = 0;
      const language = languageOf(id, doc.text);
      for (const range of [...cut, { start: doc.index.length, end: doc.index.length }]) {
        if (range.start > from) spans.push({ documentId: id, text: sliceCodePoints(doc.text, from, range.start, doc.index), language });
        from = Math.max(from, range.end);
      }
    }
  }
  const changes = stopwordChanges(project);
  const stopwords = { id: stopwordSet('id', changes), en: stopwordSet('en', changes) };
  const counts = countWords(spans, (language) => stopwords[language], stem);
  return query.top ? counts.slice(0, query.top) : counts;
}
