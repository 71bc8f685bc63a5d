/**
 * Words and their stems for search, in Bahasa Indonesia and English (natural's
 * Indonesian stemmer and Porter stemmer, loaded as submodules so that natural's
 * database back-ends are never pulled in). Stems are cached per word: a
 * transcript corpus has a few tens of thousands of distinct words.
 */
import { createRequire } from 'node:module';
import { forEachTerm, termPattern } from '../../../shared/text/wordScanner';

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
const termCache: Record<SearchLanguage, Map<string, string>> = { id: new Map(), en: new Map() };

export function stem(word: string, language: SearchLanguage): string {
  const lower = word.toLocaleLowerCase();
  let stemmed = cache[language].get(lower);
  if (stemmed === undefined) {
    stemmed = stemmers[language].stem(lower) || lower;
    cache[language].set(lower, stemmed);
  }
  return stemmed;
}

/** The index term for a word in one language (cached by the word as written: indexing meets each word thousands of times). */
export function indexTerm(word: string, language: SearchLanguage): string {
  let term = termCache[language].get(word);
  if (term === undefined) {
    term = prefix[language] + stem(word, language).replace(/[^\p{L}\p{N}]/gu, '');
    termCache[language].set(word, term);
  }
  return term;
}

const lowered = new Map<string, string>();

/** A word lower-cased as the stemmer sees it, once per written word: a locale's lower case costs a microsecond, and indexing meets eight million words. */
function lowerCase(word: string): string {
  let lower = lowered.get(word);
  if (lower === undefined) lowered.set(word, (lower = word.toLocaleLowerCase()));
  return lower;
}

/** Every word with its UTF-16 offsets. */
export function* words(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const match of text.matchAll(termPattern)) yield { word: match[0], start: match.index, end: match.index + match[0].length };
}

/**
 * The text of a document as the stem index stores it: each of its terms (a
 * word's Indonesian and English stem) once, as the index only narrows a
 * search to the documents that hold a term (it had each word's terms, eight
 * times as much to write and to tokenize); and each distinct word as written,
 * lower-cased, with its terms: the forms a search looks for in the text to
 * place its hits.
 */
export function stemDocument(text: string): { stems: string; forms: Map<string, [string, string]> } {
  const terms = new Set<string>();
  const forms = new Map<string, [string, string]>();
  const written = new Set<string>();
  forEachTerm(text, (word) => {
    if (written.has(word)) return;
    written.add(word);
    const pair: [string, string] = [indexTerm(word, 'id'), indexTerm(word, 'en')];
    terms.add(pair[0]).add(pair[1]);
    const form = lowerCase(word);
    if (!forms.has(form)) forms.set(form, pair);
  });
  return { stems: [...terms].join(' '), forms };
}

/** A pattern matching any of these words as a whole word (as `words` would cut it), in any case. */
export function formsPattern(forms: readonly string[]): RegExp {
  const escaped = [...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?<![\\p{L}\\p{M}\\p{N}][-'’])(?:${escaped.join('|')})(?![\\p{L}\\p{M}\\p{N}])(?![-'’][\\p{L}\\p{M}\\p{N}])`, 'giu');
}
