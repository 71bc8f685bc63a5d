import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../shared/text/fuzzy';

const codes = ['Income uncertainty', 'Inclusivity', 'Income opportunity', 'No welfare protection', 'Networking', 'Ketidakpastian penghasilan'];

describe('fuzzy code matching', () => {
  it('matches letters in order, ignoring case and accents', () => {
    expect(fuzzyScore('inun', 'Income uncertainty')).not.toBeNull();
    expect(fuzzyScore('xyz', 'Income uncertainty')).toBeNull();
    expect(fuzzyScore('cafe', 'Café owners')).not.toBeNull();
  });
  it('ranks word starts and runs of letters first', () => {
    expect(fuzzyFilter('incu', codes, (c) => c)[0]).toBe('Income uncertainty');
    expect(fuzzyFilter('inop', codes, (c) => c)[0]).toBe('Income opportunity');
    expect(fuzzyFilter('incl', codes, (c) => c)[0]).toBe('Inclusivity');
    expect(fuzzyFilter('net', codes, (c) => c)[0]).toBe('Networking');
    expect(fuzzyFilter('wel', codes, (c) => c)[0]).toBe('No welfare protection');
    expect(fuzzyFilter('peng', codes, (c) => c)).toEqual(['Ketidakpastian penghasilan']);
  });
  it('keeps every item for an empty query, in order', () => {
    expect(fuzzyFilter('', codes, (c) => c)).toEqual(codes);
  });
});
