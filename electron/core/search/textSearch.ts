/**
 * Stemmed full-text search with keyword-in-context results. Documents get
 * their stems indexed the first time a search needs them (each in its own
 * transaction, so an interrupted indexing resumes); the FTS5 index narrows the
 * documents, and the hits themselves are found by stemming the candidates'
 * words, so every hit has exact positions.
 */
import { AppError } from '../../../shared/api/errors';
import type { SearchHit } from '../../../shared/model/types';
import type { Project } from '../project';
import { indexTerm, stemDocument, words, type SearchLanguage } from './stemming';

const CONTEXT = 60;

export function indexPendingDocuments(project: Project): number {
  const pending = project.stmt('SELECT id FROM documents WHERE stems_indexed = 0').all() as { id: number }[];
  const insert = project.stmt('INSERT INTO document_stems(rowid, stems) VALUES (?, ?)');
  const mark = project.stmt('UPDATE documents SET stems_indexed = 1 WHERE id = ?');
  for (const { id } of pending) {
    const text = project.documentText(id)!.text;
    project.db.transaction(() => {
      insert.run(id, stemDocument(text));
      mark.run(id);
    })();
  }
  return pending.length;
}

export function searchText(project: Project, terms: string, language: SearchLanguage | undefined, limit: number): SearchHit[] {
  const queryWords = [...words(terms)].map((w) => w.word);
  if (queryWords.length === 0) throw new AppError('search_empty');
  const languages: SearchLanguage[] = language ? [language] : ['id', 'en'];
  // For each query word, the index terms that count as a match.
  const wanted = queryWords.map((word) => new Set(languages.map((l) => indexTerm(word, l))));
  const match = wanted.map((set) => `(${[...set].map((t) => `"${t}"`).join(' OR ')})`).join(' AND ');

  indexPendingDocuments(project);
  const candidates = project
    .stmt('SELECT d.id, d.name FROM document_stems s JOIN documents d ON d.id = s.rowid WHERE document_stems MATCH ? ORDER BY d.name COLLATE NOCASE')
    .all(match) as { id: number; name: string }[];

  const allWanted = new Set(wanted.flatMap((set) => [...set]));
  const hits: SearchHit[] = [];
  for (const doc of candidates) {
    const { text, index } = project.documentText(doc.id)!;
    for (const { word, start, end } of words(text)) {
      if (!languages.some((l) => allWanted.has(indexTerm(word, l)))) continue;
      hits.push({
        document: doc.name,
        documentId: doc.id,
        start: index.toCodePoint(start),
        end: index.toCodePoint(end),
        text: word,
        context: contextAround(text, start, end),
      });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

/** About CONTEXT characters either side, cut at word boundaries, on one line. */
function contextAround(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}
