/**
 * Stop words for word frequencies: the maintained lists of the `stopword`
 * package for Bahasa Indonesia and English, adjusted per project by the
 * researcher (words added to or removed from the lists).
 */
import { eng, ind } from 'stopword';

export type WordLanguage = 'id' | 'en';

const lists: Record<WordLanguage, ReadonlySet<string>> = { id: new Set(ind), en: new Set(eng) };

export interface StopwordChanges {
  added: string[];
  removed: string[];
}

export function stopwordSet(language: WordLanguage, changes: StopwordChanges): Set<string> {
  const set = new Set(lists[language]);
  for (const word of changes.added) set.add(word.toLocaleLowerCase());
  for (const word of changes.removed) set.delete(word.toLocaleLowerCase());
  return set;
}

/** The language whose stop words a text uses more: a good guess for interview transcripts. */
export function guessLanguage(words: Iterable<string>): WordLanguage {
  let id = 0;
  let en = 0;
  for (const word of words) {
    // Not toLocaleLowerCase: stop words are compared the same in any locale, and this runs for a thousand words of every document.
    const lower = word.toLowerCase();
    if (lists.id.has(lower)) id++;
    if (lists.en.has(lower)) en++;
  }
  return en > id ? 'en' : 'id';
}
