/**
 * The texts word frequencies are counted over: whole documents (without
 * interviewer turns unless asked) or the passages of one code, in a subset;
 * each in its document's language (guessed from its stop words) or the one
 * chosen.
 */
import { WordCounter, type WordCount } from '../../../shared/analysis/wordCounts';
import { filterFacts, matchesWhere, type Subset } from '../../../shared/analysis/subset';
import { CodePointIndex, sliceCodePoints } from '../../../shared/text/codepoints';
import { guessLanguage, stopwordSet, type StopwordChanges, type WordLanguage } from '../../../shared/text/stopwords';
import { forEachWord } from '../../../shared/text/wordScanner';
import type { Project } from '../project';
import { readDocumentTurns, readSpeakers } from '../store/documentTurns';
import { stem } from '../search/stemming';
import { textsVersion } from './textsVersion';
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

/** Each document's guessed language: texts never change, so a guess is kept for the project's life. */
const guessed = new WeakMap<Project, Map<number, WordLanguage>>();

function languageOf(project: Project, documentId: number, text: string): WordLanguage {
  let known = guessed.get(project);
  if (!known) guessed.set(project, (known = new Map()));
  let language = known.get(documentId);
  if (!language) {
    // A few thousand words tell Indonesian from English by their stop words. The counting's own scan finds
    // them: the bundler turned a regular expression here into a RegExp built anew for every document.
    const sample: string[] = [];
    forEachWord(text.slice(0, 6_000), (word) => sample.push(word));
    language = guessLanguage(sample);
    known.set(documentId, language);
  }
  return language;
}

/**
 * Word frequencies are kept until what they are counted from changes: the dataset export and the screen ask
 * for the same counts, and coding a passage changes those of whole documents in nothing.
 */
export function wordFrequencies(project: Project, query: WordQuery): WordCount[] {
  // Kept whole, whatever `top` asked for: the screen's top 200 and the export's top 1,000 are one count.
  const { top, ...subset } = query;
  const key = `words:${JSON.stringify(subset)}`;
  const count = () => countFrequencies(project, subset);
  // One code's passages change with its codings: those counts go with any change.
  const counts = subset.codeId === undefined ? project.cachedAt(key, textsVersion(project), count) : project.cached(key, count);
  return top ? counts.slice(0, top) : counts;
}

function countFrequencies(project: Project, query: Omit<WordQuery, 'top'>): WordCount[] {
  const changes = stopwordChanges(project);
  const stopwords = { id: stopwordSet('id', changes), en: stopwordSet('en', changes) };
  const counter = new WordCounter((language) => stopwords[language], stem);
  const language = (documentId: number, text: string) => query.lang ?? languageOf(project, documentId, text);
  if (query.codeId !== undefined) {
    const data = loadFacts(project);
    const codeId = query.codeId;
    for (const fact of filterFacts(data.facts, query, data.attributes, data.codes).filter((f) => f.codeId === codeId)) {
      const doc = project.documentText(fact.documentId)!;
      counter.add({ documentId: fact.documentId, text: sliceCodePoints(doc.text, fact.start, fact.end, doc.index), language: language(fact.documentId, doc.text) });
    }
  } else {
    const wanted = query.documentIds?.length ? new Set(query.documentIds) : null;
    const attributes = query.where ? loadFacts(project).attributes : null;
    const casesOf = project.stmt('SELECT case_id FROM case_documents WHERE document_id = ?');
    const speakers = readSpeakers(project);
    // One document at a time, read and let go: the whole corpus never sits in memory.
    for (const { id, text } of project.stmt('SELECT id, text FROM documents ORDER BY id').iterate() as IterableIterator<{ id: number; text: string }>) {
      if (wanted && !wanted.has(id)) continue;
      if (query.where && !matchesWhere((casesOf.all(id) as { case_id: number }[]).map((r) => r.case_id), query.where, attributes!)) continue;
      // Interviewer turns go unless asked for, and speaker labels always: "Rina:" is not something Rina said. Turns come in order and do not overlap.
      const cut = readDocumentTurns(project, id)
        .records(id)
        .map(({ speakerId, start, contentStart, end }) => ({ start, end: speakers.get(speakerId)!.isInterviewer && !query.includeInterviewer ? end : contentStart }));
      const index = new CodePointIndex(text);
      const lang = language(id, text);
      let from = 0;
      for (const range of [...cut, { start: index.length, end: index.length }]) {
        if (range.start > from) counter.add({ documentId: id, text: text.slice(index.toUtf16(from), index.toUtf16(range.start)), language: lang });
        from = Math.max(from, range.end);
      }
    }
  }
  return counter.result();
}
