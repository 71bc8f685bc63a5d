/**
 * Word frequencies: words counted by stem, so that "pendapatan",
 * "pendapatannya" and "berpendapatan" count as one, shown as their most
 * frequent written form with every form listed under it. The stemmer is
 * passed in (natural's, on the Node side), which keeps this pure and testable.
 */
import type { WordLanguage } from '../text/stopwords';
import { forEachWord } from '../text/wordScanner';

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

interface StemEntry {
  count: number;
  documents: Set<number>;
  lastDocument: number;
  forms: Map<string, { count: number }>;
}

/** What a word as met in the text counts towards: its stem's entry and its lower-cased form's tally. */
interface FormSlot {
  entry: StemEntry;
  form: { count: number };
}

/**
 * Counts words span by span, so that a caller can feed documents one at a
 * time and let each go. Each written form is stemmed once: per word met,
 * the work is a lower-casing and two map look-ups.
 */
export class WordCounter {
  private readonly byStem = new Map<string, StemEntry>();
  /** Per language, each word as written (case and all) to its slot, or null for stop words and one-letter words. */
  private readonly byForm: Record<WordLanguage, Map<string, FormSlot | null>> = { id: new Map(), en: new Map() };

  constructor(
    private readonly stopwords: (language: WordLanguage) => ReadonlySet<string>,
    private readonly stem: (word: string, language: WordLanguage) => string,
  ) {}

  add(span: TextSpan): void {
    const forms = this.byForm[span.language];
    const stop = this.stopwords(span.language);
    forEachWord(span.text, (written) => {
      let slot = forms.get(written);
      if (slot === undefined) {
        slot = this.slotFor(written.toLowerCase(), span.language, stop);
        forms.set(written, slot);
      }
      if (slot === null) return;
      const entry = slot.entry;
      entry.count++;
      slot.form.count++;
      if (entry.lastDocument !== span.documentId) {
        entry.documents.add(span.documentId);
        entry.lastDocument = span.documentId;
      }
    });
  }

  private slotFor(form: string, language: WordLanguage, stop: ReadonlySet<string>): FormSlot | null {
    if (form.length < 2 || stop.has(form)) return null;
    const key = `${language}:${this.stem(form, language)}`;
    let entry = this.byStem.get(key);
    if (!entry) this.byStem.set(key, (entry = { count: 0, documents: new Set(), lastDocument: -1, forms: new Map() }));
    let tally = entry.forms.get(form);
    if (!tally) entry.forms.set(form, (tally = { count: 0 }));
    return { entry, form: tally };
  }

  result(): WordCount[] {
    return [...this.byStem]
      .filter(([, e]) => e.count > 0)
      .map(([key, e]) => {
        const forms = [...e.forms].filter(([, t]) => t.count > 0).map(([form, t]) => ({ form, count: t.count })).sort((a, b) => b.count - a.count || a.form.localeCompare(b.form));
        return { word: forms[0]!.form, stem: key.slice(key.indexOf(':') + 1), count: e.count, documents: e.documents.size, forms };
      })
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  }
}

export function countWords(spans: readonly TextSpan[], stopwords: (language: WordLanguage) => ReadonlySet<string>, stem: (word: string, language: WordLanguage) => string): WordCount[] {
  const counter = new WordCounter(stopwords, stem);
  for (const span of spans) counter.add(span);
  return counter.result();
}
