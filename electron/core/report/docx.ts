/**
 * The thematic summary as a Word document, written with the docx library.
 * Figures go in as SVG, which Word 2016 and later draw sharp at any size,
 * with a PNG rendered by resvg at print resolution for older readers.
 */
import { Resvg } from '@resvg/resvg-js';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { occurrenceSentence, type ChapterLabels, type ChapterModel } from '../../../shared/report/chapter';
import { chapterFigures, type ChapterFigure } from '../../../shared/report/charts';

/** Widest image that fits between A4's default margins, in the 96-dpi pixels docx measures in. */
const PAGE_WIDTH = 600;

function figureParagraphs(figure: ChapterFigure): Paragraph[] {
  // 3× the drawn size: about 300 dpi at the width the figure is printed.
  const png = new Resvg(figure.svg, { fitTo: { mode: 'zoom', value: 3 }, font: { loadSystemFonts: true } }).render().asPng();
  const scale = Math.min(1, PAGE_WIDTH / figure.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(figure.svg),
          fallback: { type: 'png', data: png },
          transformation: { width: Math.round(figure.width * scale), height: Math.round(figure.height * scale) },
          altText: { name: figure.caption, title: figure.caption, description: figure.caption },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: figure.caption, italics: true, size: 20 })] }),
  ];
}

export async function chapterToDocx(model: ChapterModel, labels: ChapterLabels): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }), ...chapterFigures(model, labels).flatMap(figureParagraphs)];
  const labelled = (label: string, text: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] });
  for (const theme of model.themes) {
    children.push(new Paragraph({ text: theme.name, heading: HeadingLevel.HEADING_1 }));
    if (theme.definition) children.push(labelled(labels.definition, theme.definition));
    if (theme.inclusion) children.push(labelled(labels.inclusion, theme.inclusion));
    children.push(new Paragraph(occurrenceSentence(theme, labels.occurrence)));
    if (model.groupBy && theme.groups.length) {
      const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
      children.push(
        new Table({
          width: { size: 60, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ children: [cell(`${labels.group} (${model.groupBy})`, true), cell(labels.cases, true)] }),
            ...theme.groups.map((g) => new TableRow({ children: [cell(g.value), cell(`${g.cases}/${g.of} (${g.of ? Math.round((100 * g.cases) / g.of) : 0}%)`)] })),
          ],
        }),
      );
    }
    if (theme.cooccurring.length) children.push(labelled(labels.cooccurs, theme.cooccurring.map((c) => `${c.name} (${c.count})`).join(', ')));
    if (theme.memo) children.push(labelled(labels.notes, theme.memo));
    children.push(new Paragraph({ text: labels.quotes, heading: HeadingLevel.HEADING_2 }));
    if (theme.quotes.length === 0) children.push(new Paragraph(labels.none));
    for (const q of theme.quotes) {
      children.push(new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: `“${q.text}”`, italics: true })] }));
      children.push(new Paragraph({ indent: { left: 720 }, alignment: AlignmentType.LEFT, children: [new TextRun({ text: `— ${q.citation}`, size: 20 })] }));
    }
  }
  if (model.reliability) children.push(new Paragraph({ text: labels.reliability, heading: HeadingLevel.HEADING_1 }), new Paragraph(model.reliability));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
