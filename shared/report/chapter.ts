/**
 * A thematic summary for a thesis chapter: per theme its definition, how
 * often and in how many cases it occurs (overall and per group), the codes
 * it co-occurs with most, and quotes cited by participant, attributes and
 * time stamp or position, with figures of the themes' reach and
 * co-occurrence. The model is built on the Node side; here it is written as
 * Markdown or HTML (Word is written with the docx library there).
 */
import { chapterFigures, type ChapterFigure } from './charts';


export interface ChapterQuote {
  text: string;
  /** "Rina (Gen Z, Perempuan, Instagram), 00:03:12" or "… 01 Rina, 848–1159". */
  citation: string;
}

export interface ChapterTheme {
  name: string;
  path: string;
  definition: string;
  inclusion: string;
  /** The researcher's memo on the code, as analytic notes. */
  memo: string;
  codings: number;
  cases: number;
  totalCases: number;
  /** Per group value: cases with the theme out of cases in the group. */
  groups: { value: string; cases: number; of: number }[];
  cooccurring: { name: string; count: number }[];
  quotes: ChapterQuote[];
}

export interface ChapterModel {
  title: string;
  groupBy: string | null;
  themes: ChapterTheme[];
  /** Overlapping codings between each pair of themes (their whole branches), in the order of `themes`. */
  cooccurrence: number[][];
  /** The methods paragraph on coding reliability, when the researcher asked for one. */
  reliability?: string;
}

export interface ChapterLabels {
  definition: string;
  notes: string;
  inclusion: string;
  occurrence: string;
  byGroup: string;
  cooccurs: string;
  quotes: string;
  none: string;
  group: string;
  cases: string;
  /** "Figure {{n}}" */
  figure: string;
  prevalence: string;
  /** With {{group}}: the attribute the chapter is grouped by. */
  prevalenceBy: string;
  cooccurrenceFigure: string;
  allParticipants: string;
  reliability: string;
}

const percent = (n: number, of: number) => (of ? Math.round((100 * n) / of) : 0);

/** One sentence on how often a theme occurs, in the labels' language. */
export function occurrenceSentence(theme: ChapterTheme, template: string): string {
  return template
    .replace('{{codings}}', String(theme.codings))
    .replace('{{cases}}', String(theme.cases))
    .replace('{{total}}', String(theme.totalCases))
    .replace('{{percent}}', String(percent(theme.cases, theme.totalCases)));
}

/** An SVG as a data URI that Markdown readers (pandoc, editors' previews) show as an image. */
function svgDataUri(figure: ChapterFigure): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figure.svg).replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
}

export function chapterToMarkdown(model: ChapterModel, labels: ChapterLabels): string {
  const lines = [`# ${model.title}`, ''];
  for (const figure of chapterFigures(model, labels)) lines.push(`![${figure.caption}](${svgDataUri(figure)})`, '', `*${figure.caption}*`, '');
  for (const theme of model.themes) {
    lines.push(`## ${theme.name}`, '');
    if (theme.definition) lines.push(`**${labels.definition}:** ${theme.definition}`, '');
    if (theme.inclusion) lines.push(`**${labels.inclusion}:** ${theme.inclusion}`, '');
    lines.push(occurrenceSentence(theme, labels.occurrence), '');
    if (model.groupBy && theme.groups.length) {
      lines.push(`| ${labels.group} (${model.groupBy}) | ${labels.cases} |`, '| --- | ---: |');
      for (const g of theme.groups) lines.push(`| ${escapeTable(g.value)} | ${g.cases}/${g.of} (${percent(g.cases, g.of)}%) |`);
      lines.push('');
    }
    if (theme.cooccurring.length) lines.push(`**${labels.cooccurs}:** ${theme.cooccurring.map((c) => `${c.name} (${c.count})`).join(', ')}`, '');
    if (theme.memo) lines.push(`**${labels.notes}:** ${theme.memo.replace(/\s*\n\s*/g, ' ')}`, '');
    lines.push(`### ${labels.quotes}`, '');
    if (theme.quotes.length === 0) lines.push(labels.none, '');
    for (const q of theme.quotes) lines.push(`> ${q.text.replace(/\s*\n\s*/g, ' ')}`, `> — ${q.citation}`, '');
  }
  if (model.reliability) lines.push(`## ${labels.reliability}`, '', model.reliability, '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function escapeTable(text: string): string {
  return text.replace(/\|/g, '\\|');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function chapterToHtml(model: ChapterModel, labels: ChapterLabels, lang: string): string {
  const parts = [
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title>`,
    '<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;line-height:1.6;color:#1f2328}blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #8c959f}cite{display:block;font-size:.9em;color:#57606a}table{border-collapse:collapse}figure{margin:1.5rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9em;color:#57606a}td,th{padding:.2rem .8rem;border-bottom:1px solid #d0d7de;text-align:left}</style>',
    `</head><body><h1>${escapeHtml(model.title)}</h1>`,
    ...chapterFigures(model, labels).map((figure) => `<figure>${figure.svg}<figcaption>${escapeHtml(figure.caption)}</figcaption></figure>`),
  ];
  for (const theme of model.themes) {
    parts.push(`<section><h2>${escapeHtml(theme.name)}</h2>`);
    if (theme.definition) parts.push(`<p><strong>${escapeHtml(labels.definition)}:</strong> ${escapeHtml(theme.definition)}</p>`);
    if (theme.inclusion) parts.push(`<p><strong>${escapeHtml(labels.inclusion)}:</strong> ${escapeHtml(theme.inclusion)}</p>`);
    parts.push(`<p>${escapeHtml(occurrenceSentence(theme, labels.occurrence))}</p>`);
    if (model.groupBy && theme.groups.length) {
      parts.push(`<table><thead><tr><th>${escapeHtml(labels.group)} (${escapeHtml(model.groupBy)})</th><th>${escapeHtml(labels.cases)}</th></tr></thead><tbody>`);
      for (const g of theme.groups) parts.push(`<tr><td>${escapeHtml(g.value)}</td><td>${g.cases}/${g.of} (${percent(g.cases, g.of)}%)</td></tr>`);
      parts.push('</tbody></table>');
    }
    if (theme.cooccurring.length) parts.push(`<p><strong>${escapeHtml(labels.cooccurs)}:</strong> ${escapeHtml(theme.cooccurring.map((c) => `${c.name} (${c.count})`).join(', '))}</p>`);
    if (theme.memo) parts.push(`<p><strong>${escapeHtml(labels.notes)}:</strong> ${escapeHtml(theme.memo)}</p>`);
    parts.push(`<h3>${escapeHtml(labels.quotes)}</h3>`);
    if (theme.quotes.length === 0) parts.push(`<p>${escapeHtml(labels.none)}</p>`);
    for (const q of theme.quotes) parts.push(`<blockquote><p>${escapeHtml(q.text)}</p><cite>${escapeHtml(q.citation)}</cite></blockquote>`);
    parts.push('</section>');
  }
  if (model.reliability) parts.push(`<section><h2>${escapeHtml(labels.reliability)}</h2><p>${escapeHtml(model.reliability)}</p></section>`);
  parts.push('</body></html>\n');
  return parts.join('\n');
}
