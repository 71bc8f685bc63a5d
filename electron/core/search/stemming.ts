/**
 * Words and their stems for search, in Bahasa Indonesia and English (natural's
 * Indonesian stemmer and Porter stemmer, loaded as submodules so that natural's
 * database back-ends are never pulled in). Stems are cached per word: a
 * transcript corpus has a few tens of thousands of distinct words.
 */
import { createRequire } from 'node:module';

export type SearchLanguage = 'id' | 'en';

interface Stemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);
const stemmers: Record<SearchLanguage, Stemmer> = {
  id: require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as Stemmer,
  en: require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer,
};

/** Index terms carry their language as a prefix, so one index serves both and a query can pick one. */
const prefix: Record<SearchLanguage, string> = { id: 'i', en: 'e' };

const cache: Record<SearchLanguage, Map<string, string>> = { id: new Map(), en: new Map() };

export function stem(word: string, language: SearchLanguage): string {
  const lower = word.toLocaleLowerCase();
  let stemmed = cache[language].get(lower);
  if (stemmed === undefined) {
    stemmed = stemmers[language].stem(lower) || lower;
    cache[language].set(lower, stemmed);
  }
  return stemmed;
}

/** The index term for a word in one language. */
export function indexTerm(word: string, language: SearchLanguage): string {
  return prefix[language] + stem(word, language).replace(/[^\p{L}\p{N}]/gu, '');
}

const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

/** Every word with its UTF-16 offsets. */
export function* words(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const match of text.matchAll(wordPattern)) yield { word: match[0], start: match.index, end: match.index + match[0].length };
}

/** The text of a document as the stem index stores it: both languages' terms for every word. */
export function stemDocument(text: string): string {
  const terms: string[] = [];
  for (const { word } of words(text)) terms.push(indexTerm(word, 'id'), indexTerm(word, 'en'));
  return terms.join(' ');
}
