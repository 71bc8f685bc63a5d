/**
 * The methods paragraph a thesis needs after an agreement check: who coded,
 * on what unit, which statistics, and their values — in English or Bahasa
 * Indonesia, ready to paste.
 */
import type { AgreementReport } from './codingAgreement';

const unitNames = {
  en: { character: 'characters', word: 'words', sentence: 'sentences', turn: 'speaker turns (paragraphs where a document has none)', segment: 'coded segments' },
  id: { character: 'karakter', word: 'kata', sentence: 'kalimat', turn: 'giliran bicara (paragraf bila dokumen tidak memilikinya)', segment: 'segmen berkode' },
} as const;

const number = (value: number | null, lang: 'en' | 'id', digits = 2) => (value === null ? '—' : lang === 'id' ? value.toFixed(digits).replace('.', ',') : value.toFixed(digits));
const list = (items: string[], lang: 'en' | 'id') => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${lang === 'id' ? 'dan' : 'and'} ${items[items.length - 1]}`);

export function methodsParagraph(report: AgreementReport, lang: 'en' | 'id'): string {
  const p = report.pooled;
  const kappaName = report.coders.length === 2 ? 'Cohen’s κ' : 'Fleiss’ κ';
  const ci = (interval: [number, number] | null) => (interval ? ` (95 % CI ${number(interval[0], lang)}–${number(interval[1], lang)})` : '');
  const weakest = report.codes.filter((c) => c.kappa !== null).slice(0, 2).map((c) => `${c.code} (κ = ${number(c.kappa, lang)})`);
  const unit = unitNames[lang][report.unit];
  const documents = report.documents.length;
  if (lang === 'id') {
    return [
      `Reliabilitas pengodean diperiksa dengan pengodean independen oleh ${report.coders.length} pengode (${list(report.coders, lang)}) pada ${documents} dokumen dan ${report.codes.length} kode.`,
      report.unit === 'segment'
        ? ` Unit perbandingan adalah segmen berkode; dua segmen dianggap sama bila tumpang tindihnya mencakup sedikitnya ${Math.round((report.overlap ?? 0.9) * 100)} % dari gabungannya.`
        : ` Unit perbandingan adalah ${unit}; sebuah unit dianggap diberi kode bila pengodean mencakup sedikitnya satu karakternya, dan pengodean yang tumpang tindih dari pengode yang sama dihitung sekali.`,
      ` Persentase kesepakatan gabungan adalah ${number(p.percent, lang, 1)} %`,
      p.kappa !== null ? `, ${kappaName} = ${number(p.kappa, lang)}${ci(p.kappa_ci)} dan α Krippendorff = ${number(p.alpha, lang)}${ci(p.alpha_ci)}, dengan selang kepercayaan bootstrap.` : '.',
      p.alpha_nominal !== null ? ` α Krippendorff nominal atas seluruh buku kode adalah ${number(p.alpha_nominal, lang)}.` : '',
      weakest.length ? ` Kesepakatan terendah terdapat pada ${list(weakest, lang)}.` : '',
    ].join('');
  }
  return [
    `Coding reliability was checked by independent coding by ${report.coders.length} coders (${list(report.coders, lang)}) on ${documents} document${documents === 1 ? '' : 's'} and ${report.codes.length} code${report.codes.length === 1 ? '' : 's'}.`,
    report.unit === 'segment'
      ? ` The unit of comparison was the coded segment; two segments matched when their overlap covered at least ${Math.round((report.overlap ?? 0.9) * 100)} % of their union.`
      : ` The unit of comparison was ${unit}; a unit counted as coded when a coding covered at least one of its characters, and a coder's own overlapping codings counted once.`,
    ` Pooled percent agreement was ${number(p.percent, lang, 1)} %`,
    p.kappa !== null ? `, ${kappaName} = ${number(p.kappa, lang)}${ci(p.kappa_ci)} and Krippendorff’s α = ${number(p.alpha, lang)}${ci(p.alpha_ci)}, with bootstrap confidence intervals.` : '.',
    p.alpha_nominal !== null ? ` Krippendorff’s nominal α across the codebook was ${number(p.alpha_nominal, lang)}.` : '',
    weakest.length ? ` Agreement was lowest for ${list(weakest, lang)}.` : '',
  ].join('');
}
