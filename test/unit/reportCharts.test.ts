import { describe, expect, it } from 'vitest';
import { catalogs } from '../../shared/i18n';
import { chapterToHtml, chapterToMarkdown, type ChapterModel, type ChapterTheme } from '../../shared/report/chapter';
import { chapterFigures } from '../../shared/report/charts';

const theme = (name: string, cases: number, groups: ChapterTheme['groups']): ChapterTheme => ({
  name,
  path: name,
  definition: '',
  inclusion: '',
  memo: '',
  codings: cases * 2,
  cases,
  totalCases: 8,
  groups,
  cooccurring: [],
  quotes: [],
});

const grouped: ChapterModel = {
  title: 'Findings',
  groupBy: 'generation',
  themes: [
    theme('Income & <risk>', 5, [
      { value: 'Gen Z', cases: 1, of: 4 },
      { value: 'Millennial', cases: 4, of: 4 },
    ]),
    theme('Networking', 4, [
      { value: 'Gen Z', cases: 2, of: 4 },
      { value: 'Millennial', cases: 2, of: 4 },
    ]),
  ],
  cooccurrence: [
    [0, 3],
    [3, 0],
  ],
};

/** The bars of the reach figure, as [width, label] in drawing order. */
const bars = (svg: string) => [...svg.matchAll(/<rect x="200" y="[\d.]+" width="([\d.]+)" height="13"[^>]*\/>\n<text[^>]*>([^<]+)<\/text>/g)].map((m) => [Number(m[1]), m[2]]);

describe('chapter figures', () => {
  it('draws each theme’s reach per group as bars proportional to the share of participants, labelled n/of', () => {
    const [reach] = chapterFigures(grouped, catalogs.en.report);
    expect(reach!.caption).toBe('Figure 1. Share of participants with each theme, by generation');
    const widths = bars(reach!.svg);
    expect(widths.map(([, label]) => label)).toEqual(['1/4', '4/4', '2/4', '2/4']);
    const full = widths[1]![0] as number;
    expect(full).toBeGreaterThan(0);
    expect(widths[0]![0]).toBeCloseTo(full / 4, 5);
    expect(widths[2]![0]).toBeCloseTo(full / 2, 5);
    expect(reach!.svg).toContain('>Income &amp; &lt;risk&gt;</text>');
    expect(reach!.svg).toContain('>Millennial</text>');
  });

  it('adds a heatmap of the themes coded together when there are two or more, in the report’s language', () => {
    const figures = chapterFigures(grouped, catalogs.id.report);
    expect(figures.map((f) => f.caption)).toEqual([
      'Gambar 1. Persentase partisipan pada setiap tema, menurut generation',
      'Gambar 2. Tema yang dikodekan pada bagian yang tumpang tindih (jumlah pasangan pengodean)',
    ]);
    expect([...figures[1]!.svg.matchAll(/text-anchor="middle"[^>]*>(\d+)</g)].map((m) => m[1])).toEqual(['3', '3']);
    const single = chapterFigures({ ...grouped, groupBy: null, themes: [theme('Stigma', 6, [])], cooccurrence: [[0]] }, catalogs.en.report);
    expect(single.map((f) => f.caption)).toEqual(['Figure 1. Share of participants with each theme']);
    expect(bars(single[0]!.svg).map(([, label]) => label)).toEqual(['6/8']);
  });

  it('embeds the figures in Markdown as SVG data URIs and in HTML inline, with their captions', () => {
    const markdown = chapterToMarkdown(grouped, catalogs.en.report);
    const uris = [...markdown.matchAll(/^!\[(Figure \d[^\]]*)\]\((data:image\/svg\+xml;charset=utf-8,[^)\s]+)\)$/gm)];
    expect(uris.map((m) => m[1])).toEqual(chapterFigures(grouped, catalogs.en.report).map((f) => f.caption));
    expect(decodeURIComponent(uris[0]![2]!.slice(uris[0]![2]!.indexOf(',') + 1))).toBe(chapterFigures(grouped, catalogs.en.report)[0]!.svg);
    const html = chapterToHtml(grouped, catalogs.en.report, 'en');
    expect(html.match(/<figure><svg /g)).toHaveLength(2);
    expect(html).toContain('<figcaption>Figure 2. Themes coded on overlapping passages (number of pairs of codings)</figcaption>');
  });
});
