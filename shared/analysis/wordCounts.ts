/**
 * Word frequencies: words counted by stem, so that "pendapatan",
 * "pendapatannya" and "berpendapatan" count as one, shown as their most
 * frequent written form with every form listed under it. The stemmer is
 * passed in (natural's, on the Node side), which keeps this pure and testable.
 */
import type { WordLanguage } from '../text/stopwords';

export interface WordCount {
  /** The most frequent written form. */
  word: string;
  stem: string;
  count: number;
  /** Documents the stem occurs in. */
  documents: number;
  /** Every written form with its count, most frequent first. */
  forms: { form: string; count: number }[];
}

export interface TextSpan {
  documentId: number;
  text: string;
  language: WordLanguage;
}

const wordPattern = /[\p{L}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

export function countWords(spans: readonly TextSpan[], stopwords: (language: WordLanguage) => ReadonlySet<string>, stem: (word: string, language: WordLanguage) => string): WordCount[] {
  const byStem = new Map<string, { count: number; documents: Set<number>; forms: Map<string, number> }>();
  for (const span of spans) {
    const stop = stopwords(span.language);
    for (const match of span.text.matchAll(wordPattern)) {
      const form = match[0].toLocaleLowerCase();
      if (form.length < 2 || stop.has(form)) continue;
      const key = `${span.language}:${stem(form, span.language)}`;
      const entry = byStem.get(key) ?? { count: 0, documents: new Set<number>(), forms: new Map<string, number>() };
      entry.count++;
      entry.documents.add(span.documentId);
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      byStem.set(key, entry);
    }
  }
  return [...byStem]
    .map(([key, e]) => {
      const forms = [...e.forms].map(([form, count]) => ({ form, count })).sort((a, b) => b.count - a.count || a.form.localeCompare(b.form));
      return { word: forms[0]!.form, stem: key.slice(key.indexOf(':') + 1), count: e.count, documents: e.documents.size, forms };
    })
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}
