/**
 * Stemmed full-text search with keyword-in-context results. Documents get
 * their stems indexed the first time a search needs them (each in its own
 * transaction, so an interrupted indexing resumes), together with every
 * written form of each term. The FTS5 index narrows the documents; the hits
 * are placed by looking for the term's written forms in those documents'
 * text, which is a plain pattern scan instead of stemming every word again.
 */
import { AppError } from '../../../shared/api/errors';
import type { SearchHit } from '../../../shared/model/types';
import type { Project } from '../project';
import { formsPattern, indexTerm, stemDocument, words, type SearchLanguage } from './stemming';

const CONTEXT = 60;

/**
 * Indexes the documents whose stems are not indexed yet (with a budget, stops once it is spent); how many it indexed.
 * At least one is indexed whatever the budget, so that 0 always means none was left, also on a machine slow enough to spend the budget on the query.
 */
export function indexPendingDocuments(project: Project, budgetMs = Infinity): number {
  const started = performance.now();
  const pending = project.stmt('SELECT id FROM documents WHERE stems_indexed = 0').pluck().all() as number[];
  const insert = project.stmt('INSERT INTO document_stems(rowid, stems) VALUES (?, ?)');
  const form = project.stmt('INSERT OR IGNORE INTO word_forms(term, form) VALUES (?, ?)');
  const mark = project.stmt('UPDATE documents SET stems_indexed = 1 WHERE id = ?');
  // Inside a caller's transaction, a pair written here could still be rolled back: then nothing is taken as known.
  const known = project.db.inTransaction ? new Set<string>() : knownForms(project);
  let done = 0;
  for (const id of pending) {
    if (done > 0 && performance.now() - started > budgetMs) break;
    const { stems, forms } = stemDocument(project.documentText(id, { remember: false })!.text);
    const added: string[] = [];
    project.upkeep(() =>
      project.db.transaction(() => {
        insert.run(id, stems);
        for (const [written, terms] of forms) {
          for (const term of terms) {
            const pair = `${term}\u0000${written}`;
            if (known.has(pair)) continue;
            form.run(term, written);
            added.push(pair);
          }
        }
        mark.run(id);
      })(),
    );
    // Committed: these pairs are in the table now.
    for (const pair of added) known.add(pair);
    done++;
  }
  return done;
}

/**
 * The (term, form) pairs this connection has written to the table, which
 * only ever grows. Most of a transcript's words were met in the ones before
 * it: writing their pairs again only to have them ignored took half of the
 * indexing.
 */
const formsWritten = new WeakMap<Project, Set<string>>();

function knownForms(project: Project): Set<string> {
  let known = formsWritten.get(project);
  if (!known) formsWritten.set(project, (known = new Set()));
  return known;
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

  const allWanted = [...new Set(wanted.flatMap((set) => [...set]))];
  const forms = project
    .stmt(`SELECT DISTINCT form FROM word_forms WHERE term IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(allWanted)) as { form: string }[];
  if (forms.length === 0) return [];
  const pattern = formsPattern(forms.map((f) => f.form));
  const hits: SearchHit[] = [];
  for (const doc of candidates) {
    const { text, index } = project.documentText(doc.id)!;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      hits.push({
        document: doc.name,
        documentId: doc.id,
        start: index.toCodePoint(start),
        end: index.toCodePoint(end),
        text: match[0],
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
