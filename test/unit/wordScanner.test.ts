import { describe, expect, it } from 'vitest';
import { forEachTerm, forEachWord, termPattern, wordPattern } from '../../shared/text/wordScanner';

const scannedWith = (scan: typeof forEachWord) => (text: string) => {
  const words: string[] = [];
  scan(text, (word) => words.push(word));
  return words;
};
const scanned = scannedWith(forEachWord);
const terms = scannedWith(forEachTerm);
const matched = (text: string) => text.match(new RegExp(wordPattern)) ?? [];
const matchedTerms = (text: string) => text.match(new RegExp(termPattern)) ?? [];

describe('the word scanner', () => {
  it('cuts words as the pattern does, joiners, marks and astral letters included', () => {
    const text = "Pendapatan-nya naik--turun, ojek'an ’kan 2x 3rd café\u0301 e\u0301 \u0301abc 😅ok 𝒜𝒷𝒸-d lone\ud800x end-";
    expect(scanned(text)).toEqual(matched(text));
    expect(scanned(text)).toContain('Pendapatan-nya');
    expect(scanned(text)).toContain('𝒜𝒷𝒸-d');
  });

  it('agrees with the pattern on random text from a hard alphabet', () => {
    const alphabet = ['a', 'Z', 'é', '\u0301', '1', '٣', '-', "'", '’', ' ', '.', '😅', '𝒜', '漢', '\ud800', '\udc00', '\n'];
    let seed = 11;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + random(30) }, () => alphabet[random(alphabet.length)]).join('');
      expect(scanned(text), JSON.stringify(text)).toEqual(matched(text));
      expect(terms(text), JSON.stringify(text)).toEqual(matchedTerms(text));
    }
  });

  it('also starts a word search indexes with a digit, as its pattern does', () => {
    const text = 'tahun 2024, 3km ke Kupang, ٣٣ hari, 10-an orang';
    expect(terms(text)).toEqual(matchedTerms(text));
    expect(terms(text)).toEqual(['tahun', '2024', '3km', 'ke', 'Kupang', '٣٣', 'hari', '10-an', 'orang']);
    expect(scanned(text)).not.toContain('2024');
  });
});
