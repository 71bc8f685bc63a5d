/** The thematic summary as a Word document, written with the docx library. */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { occurrenceSentence, type ChapterLabels, type ChapterModel } from '../../../shared/report/chapter';

export async function chapterToDocx(model: ChapterModel, labels: ChapterLabels): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: model.title, heading: HeadingLevel.TITLE })];
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
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
