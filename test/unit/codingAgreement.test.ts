import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa } from '../../shared/reliability/agreementStatistics';
import { codingAgreement, type AgreementCoding, type AgreementDocument } from '../../shared/reliability/codingAgreement';
import { krippendorffAlpha } from '../../shared/reliability/krippendorff';
import { rng } from '../helpers/random';

const doc = (text: string, id = 1): AgreementDocument => ({ id, name: `d${id}`, text, turns: [] });
const coding = (coder: string, start: number, end: number, codeId = 1, documentId = 1): AgreementCoding => ({ documentId, codeId, coder, start, end });
const code = [{ id: 1, name: 'Stigma' }];

describe('agreement on codings', () => {
  it('counts characters once per coder however their own codings overlap (NVivo’s example: 85 %)', () => {
    const report = codingAgreement(
      [doc('x'.repeat(1000))],
      [coding('A', 0, 150), coding('A', 20, 60), coding('A', 100, 150), coding('B', 100, 200)],
      { coders: ['A', 'B'], unit: 'character', codes: code, samples: 200 },
    );
    expect(report.codes[0]).toMatchObject({ code: 'Stigma', both: 50, only: { A: 100, B: 50 }, neither: 800, percent: 85 });
    // A coded 150 characters, B 100: p_o = .85, p_e = .15·.10 + .85·.90 = .78, κ = .07 / .22
    expect(report.codes[0]!.kappa).toBeCloseTo(0.07 / 0.22, 12);
    const [lo, hi] = report.codes[0]!.kappa_ci!;
    expect(lo).toBeLessThan(report.codes[0]!.kappa!);
    expect(hi).toBeGreaterThan(report.codes[0]!.kappa!);
  });

  it('takes a word, sentence or turn as coded when a coding touches one of its characters', () => {
    const text = 'One two three. Four five six!\nSeven eight';
    const codings = [coding('A', 5, 6), coding('B', 4, 13), coding('B', 36, 38)];
    const at = (unit: 'word' | 'sentence' | 'turn') => codingAgreement([doc(text)], codings, { coders: ['A', 'B'], unit, codes: code, samples: 50 }).codes[0]!;
    expect(at('word')).toMatchObject({ both: 1, only: { A: 0, B: 2 }, neither: 5 });
    expect(at('sentence')).toMatchObject({ both: 1, only: { A: 0, B: 1 }, neither: 1 });
    // No speaker turns: paragraphs (non-empty lines).
    expect(at('turn')).toMatchObject({ both: 1, only: { A: 0, B: 1 }, neither: 0 });
  });

  it('matches coded segments one to one when they overlap by the chosen share of their union', () => {
    const codings = [coding('A', 0, 100), coding('B', 5, 100), coding('A', 200, 300), coding('B', 250, 300), coding('B', 400, 420)];
    const report = codingAgreement([doc('x'.repeat(500))], codings, { coders: ['A', 'B'], unit: 'segment', codes: code });
    expect(report.codes[0]).toMatchObject({ both: 1, only: { A: 1, B: 2 }, neither: 0, percent: 25, kappa: null, alpha: null, kappa_ci: null });
    expect(report.overlap).toBe(0.9);
    const loose = codingAgreement([doc('x'.repeat(500))], codings, { coders: ['A', 'B'], unit: 'segment', overlap: 0.5, codes: code });
    expect(loose.codes[0]).toMatchObject({ both: 2, only: { A: 0, B: 1 } });
  });

  it('gives the same κ and α as the general statistics on the same units spelled out one by one, for two and three coders', () => {
    const random = rng(5);
    for (const coders of [['A', 'B'], ['A', 'B', 'C']]) {
      for (let trial = 0; trial < 10; trial++) {
        const length = 300;
        const codings = coders.flatMap((c) =>
          Array.from({ length: 4 }, () => {
            const start = Math.floor(random() * 250);
            return coding(c, start, start + 5 + Math.floor(random() * 60));
          }),
        );
        const report = codingAgreement([doc('y'.repeat(length))], codings, { coders, unit: 'character', codes: code, samples: 20 });
        const ratings = Array.from({ length }, (_, i) => coders.map((c) => (codings.some((k) => k.coder === c && k.start <= i && i < k.end) ? '1' : '0')));
        const expectedKappa = coders.length === 2 ? cohenKappa(ratings) : fleissKappa(ratings);
        if (Number.isFinite(expectedKappa)) expect(report.codes[0]!.kappa).toBeCloseTo(expectedKappa, 10);
        expect(report.codes[0]!.alpha).toBeCloseTo(krippendorffAlpha(ratings, 'nominal'), 10);
        expect(report.pooled.alpha_nominal).toBeCloseTo(krippendorffAlpha(ratings, 'nominal'), 10);
      }
    }
  });

  it('pools the codes, treats a coder’s set of codes as one nominal value, and reports each document', () => {
    const codes = [
      { id: 1, name: 'Stigma' },
      { id: 2, name: 'Income' },
    ];
    const codings = [coding('A', 0, 10, 1), coding('B', 0, 10, 1), coding('A', 0, 10, 2), coding('B', 10, 20, 2), coding('A', 0, 5, 1, 2), coding('B', 0, 5, 1, 2)];
    const report = codingAgreement([doc('z'.repeat(20)), doc('w'.repeat(10), 2)], codings, { coders: ['A', 'B'], unit: 'character', codes, samples: 20 });
    expect(report.pooled).toMatchObject({ both: 15, only: { A: 10, B: 10 }, neither: 25 });
    expect(report.codes.map((c) => c.code)).toEqual(['Income', 'Stigma']);
    expect(report.documents.map((d) => [d.document, d.both, d.percent])).toEqual([
      ['d1', 10, 50],
      ['d2', 5, 100],
    ]);
    // Units: 10 chars {S,I}/{S}, 10 chars {}/{I}, 5 chars {S}/{S}, 5 chars {}/{}.
    const ratings = [
      ...Array.from({ length: 10 }, () => ['S+I', 'S']),
      ...Array.from({ length: 10 }, () => ['', 'I']),
      ...Array.from({ length: 5 }, () => ['S', 'S']),
      ...Array.from({ length: 5 }, () => ['', '']),
    ];
    expect(report.pooled.alpha_nominal).toBeCloseTo(krippendorffAlpha(ratings, 'nominal'), 12);
  });

  it('leaves κ and α undefined for a code nobody coded, instead of calling it perfect', () => {
    const report = codingAgreement([doc('one two three')], [coding('A', 0, 3, 1), coding('B', 0, 3, 1)], {
      coders: ['A', 'B'],
      unit: 'word',
      codes: [{ id: 1, name: 'Stigma' }, { id: 2, name: 'Unused' }],
      samples: 50,
    });
    const unused = report.codes.find((c) => c.code === 'Unused')!;
    expect(unused).toMatchObject({ both: 0, neither: 3, percent: 100, kappa: null, alpha: null, kappa_ci: null });
  });
});
