import { describe, expect, it } from 'vitest';
import { countWords } from '../../shared/analysis/wordCounts';
import { guessLanguage, stopwordSet, type StopwordChanges } from '../../shared/text/stopwords';
import { stem } from '../../electron/core/search/stemming';

const none: StopwordChanges = { added: [], removed: [] };

describe('word frequencies', () => {
  it('counts Indonesian affixed forms under one stem, shown as the most frequent form', () => {
    const counts = countWords(
      [
        { documentId: 1, text: 'Pendapatannya naik turun. Pendapatan saya kecil, berpendapatan rendah.', language: 'id' },
        { documentId: 2, text: 'Pendapatan dari ojek.', language: 'id' },
      ],
      () => stopwordSet('id', none),
      stem,
    );
    const income = counts.find((c) => c.stem === 'dapat')!;
    expect(income).toEqual({
      word: 'pendapatan',
      stem: 'dapat',
      count: 4,
      documents: 2,
      forms: [
        { form: 'pendapatan', count: 2 },
        { form: 'berpendapatan', count: 1 },
        { form: 'pendapatannya', count: 1 },
      ],
    });
    expect(counts.map((c) => c.word)).not.toContain('saya');
    expect(counts.map((c) => c.word)).not.toContain('dari');
  });

  it('drops each language’s stop words, with the researcher’s additions and removals', () => {
    const text = 'the clients and the income of the month, kak';
    const run = (changes = none) => countWords([{ documentId: 1, text, language: 'en' }], () => stopwordSet('en', changes), stem).map((c) => c.word);
    expect(run()).toEqual(['clients', 'income', 'kak', 'month']);
    expect(run({ added: ['Kak'], removed: ['the'] })).toEqual(['the', 'clients', 'income', 'month']);
  });

  it('guesses a transcript’s language from its stop words', () => {
    expect(guessLanguage('saya tidak tahu kalau itu yang dia mau'.split(' '))).toBe('id');
    expect(guessLanguage('I do not know if that is what they want'.split(' '))).toBe('en');
  });
});
