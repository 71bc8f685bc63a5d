import { describe, expect, it } from 'vitest';
import { findDisagreements, type CoderCoding } from '../../shared/reliability/disagreements';
import { methodsParagraph } from '../../shared/reliability/methods';
import { codingAgreement } from '../../shared/reliability/codingAgreement';

const k = (coder: string, start: number, end: number, codeId = 1, documentId = 1): CoderCoding => ({ coder, start, end, codeId, documentId });

describe('passages where coders differ', () => {
  it('skips passages both coded alike and lists the others with each coder’s ranges', () => {
    const found = findDisagreements([k('A', 0, 10), k('B', 0, 10), k('A', 20, 30), k('B', 25, 35), k('B', 50, 60)], ['A', 'B']);
    expect(found).toEqual([
      { documentId: 1, codeId: 1, start: 20, end: 35, coders: [{ coder: 'A', ranges: [{ start: 20, end: 30 }] }, { coder: 'B', ranges: [{ start: 25, end: 35 }] }] },
      { documentId: 1, codeId: 1, start: 50, end: 60, coders: [{ coder: 'A', ranges: [] }, { coder: 'B', ranges: [{ start: 50, end: 60 }] }] },
    ]);
  });

  it('merges a coder’s own overlapping codings first, so they are no disagreement with one coding of the same span', () => {
    expect(findDisagreements([k('A', 0, 6), k('A', 4, 10), k('B', 0, 10)], ['A', 'B'])).toEqual([]);
  });

  it('keeps codes, documents and coders apart, and ignores coders not chosen', () => {
    const found = findDisagreements([k('A', 0, 10, 1), k('B', 0, 10, 2), k('C', 0, 10, 1), k('A', 0, 5, 1, 2), k('B', 0, 5, 1, 2)], ['A', 'B']);
    expect(found.map((d) => [d.documentId, d.codeId])).toEqual([[1, 1], [1, 2]]);
  });
});

describe('the methods paragraph', () => {
  const report = codingAgreement(
    [{ id: 1, name: 'Rina', text: 'Satu dua tiga. Empat lima enam. Tujuh delapan.', turns: [] }],
    [
      { documentId: 1, codeId: 1, coder: 'Ayu', start: 0, end: 14 },
      { documentId: 1, codeId: 1, coder: 'Budi', start: 0, end: 14 },
      { documentId: 1, codeId: 2, coder: 'Ayu', start: 15, end: 31 },
    ],
    { coders: ['Ayu', 'Budi'], unit: 'sentence', codes: [{ id: 1, name: 'Income' }, { id: 2, name: 'Stigma' }], samples: 200 },
  );

  it('states coders, unit, statistics and values in English', () => {
    const text = methodsParagraph(report, 'en');
    expect(text).toContain('2 coders (Ayu and Budi) on 1 document and 2 codes');
    expect(text).toContain('The unit of comparison was sentences');
    expect(text).toContain(`Pooled percent agreement was ${report.pooled.percent!.toFixed(1)} %`);
    expect(text).toContain(`Cohen’s κ = ${report.pooled.kappa!.toFixed(2)}`);
  });

  it('and in Bahasa Indonesia, with decimal commas', () => {
    const text = methodsParagraph(report, 'id');
    expect(text).toContain('2 pengode (Ayu dan Budi) pada 1 dokumen dan 2 kode');
    expect(text).toContain('Unit perbandingan adalah kalimat');
    expect(text).toContain(`${report.pooled.percent!.toFixed(1).replace('.', ',')} %`);
  });
});
