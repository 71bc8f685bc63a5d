/**
 * The chapter's figures as standalone SVG: how many participants each theme
 * reaches (per group when the chapter is grouped) and how often the themes
 * are coded together. Plain SVG strings, so Markdown can carry them as data
 * URIs, HTML inline, and Word as an image with a PNG fallback rendered on the
 * Node side. d3 supplies the scales; no DOM is needed.
 */
import { interpolateBlues, scaleBand, scaleLinear, scaleSequential } from 'd3';
import type { ChapterLabels, ChapterModel } from './chapter';

export interface ChapterFigure {
  caption: string;
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 640;
const FONT = "font-family=\"'DejaVu Sans', Arial, Helvetica, sans-serif\"";
/** Colour-blind-safe group colours (Okabe–Ito). */
const GROUP_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const percentOf = (n: number, of: number) => (of ? (100 * n) / of : 0);

export function chapterFigures(model: ChapterModel, labels: ChapterLabels): ChapterFigure[] {
  const figures = [prevalenceFigure(model, labels)];
  if (model.themes.length >= 2) figures.push(cooccurrenceFigure(model, labels));
  return figures.map((figure, i) => ({ ...figure, caption: `${labels.figure.replace('{{n}}', String(i + 1))}. ${figure.caption}` }));
}

/** Horizontal bars: the share of participants with each theme, one bar per group when grouped. */
function prevalenceFigure(model: ChapterModel, labels: ChapterLabels): ChapterFigure {
  const grouped = model.groupBy !== null && model.themes.some((t) => t.groups.length > 0);
  const series = grouped
    ? [...new Set(model.themes.flatMap((t) => t.groups.map((g) => g.value)))]
    : [labels.allParticipants];
  const value = (themeIndex: number, s: number) => {
    const theme = model.themes[themeIndex]!;
    if (!grouped) return { n: theme.cases, of: theme.totalCases };
    const group = theme.groups.find((g) => g.value === series[s]);
    return { n: group?.cases ?? 0, of: group?.of ?? 0 };
  };
  const legend = grouped ? 28 : 0;
  const barHeight = 16;
  const rowHeight = series.length * barHeight + 14;
  const top = 12 + legend;
  const height = top + model.themes.length * rowHeight + 34;
  const left = 200;
  const right = WIDTH - 80;
  const x = scaleLinear().domain([0, 100]).range([left, right]);
  const rows = scaleBand<number>()
    .domain(model.themes.map((_, i) => i))
    .range([top, top + model.themes.length * rowHeight]);

  const parts: string[] = [];
  for (const tick of x.ticks(5)) {
    parts.push(`<line x1="${x(tick)}" x2="${x(tick)}" y1="${top}" y2="${height - 28}" stroke="#d0d7de" stroke-width="1"/>`);
    parts.push(`<text x="${x(tick)}" y="${height - 14}" font-size="11" text-anchor="middle" fill="#57606a">${tick}%</text>`);
  }
  model.themes.forEach((theme, i) => {
    const y0 = rows(i)! + 7;
    parts.push(`<text x="${left - 8}" y="${y0 + (series.length * barHeight) / 2 + 4}" font-size="12" text-anchor="end" fill="#1f2328">${escapeXml(clip(theme.name, 30))}</text>`);
    series.forEach((_, s) => {
      const { n, of } = value(i, s);
      const share = percentOf(n, of);
      const y = y0 + s * barHeight;
      parts.push(`<rect x="${left}" y="${y}" width="${Math.max(0, x(share) - left)}" height="${barHeight - 3}" fill="${GROUP_COLOURS[s % GROUP_COLOURS.length]}"/>`);
      parts.push(`<text x="${x(share) + 4}" y="${y + barHeight - 6}" font-size="10" fill="#1f2328">${n}/${of}</text>`);
    });
  });
  if (grouped) {
    let at = left;
    series.forEach((name, s) => {
      parts.push(`<rect x="${at}" y="8" width="12" height="12" fill="${GROUP_COLOURS[s % GROUP_COLOURS.length]}"/>`);
      parts.push(`<text x="${at + 16}" y="18" font-size="11" fill="#1f2328">${escapeXml(clip(name, 24))}</text>`);
      at += 16 + Math.min(24, name.length) * 7 + 18;
    });
  }
  const caption = grouped ? labels.prevalenceBy.replace('{{group}}', model.groupBy!) : labels.prevalence;
  return { caption, width: WIDTH, height, svg: svg(WIDTH, height, caption, parts) };
}

/** A heatmap of how often each pair of themes is coded on overlapping passages. */
function cooccurrenceFigure(model: ChapterModel, labels: ChapterLabels): ChapterFigure {
  const n = model.themes.length;
  const cell = Math.min(44, Math.floor((WIDTH - 220) / n));
  const left = 200;
  const top = 130;
  const height = top + n * cell + 16;
  // As wide as the grid and the last column's slanted label.
  const width = Math.min(WIDTH, left + n * cell + 120);
  const max = Math.max(1, ...model.cooccurrence.flat());
  const colour = scaleSequential(interpolateBlues).domain([0, max]);
  const parts: string[] = [];
  model.themes.forEach((theme, i) => {
    const y = top + i * cell;
    parts.push(`<text x="${left - 8}" y="${y + cell / 2 + 4}" font-size="12" text-anchor="end" fill="#1f2328">${escapeXml(clip(theme.name, 30))}</text>`);
    const cx = left + i * cell + cell / 2;
    parts.push(`<text transform="translate(${cx + 4},${top - 8}) rotate(-45)" font-size="12" fill="#1f2328">${escapeXml(clip(theme.name, 22))}</text>`);
    model.themes.forEach((_, j) => {
      const x = left + j * cell;
      if (i === j) {
        parts.push(`<rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="#f6f8fa"/>`);
        return;
      }
      const count = model.cooccurrence[i]![j]!;
      parts.push(`<rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${colour(count)}"/>`);
      parts.push(`<text x="${x + (cell - 2) / 2}" y="${y + cell / 2 + 3}" font-size="11" text-anchor="middle" fill="${count > max / 2 ? '#ffffff' : '#1f2328'}">${count}</text>`);
    });
  });
  return { caption: labels.cooccurrenceFigure, width, height, svg: svg(width, height, labels.cooccurrenceFigure, parts) };
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
