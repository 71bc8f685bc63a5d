/**
 * PDF through pdfjs-dist: text items grouped into lines by position, lines
 * rejoined into paragraphs where a line was only wrapped (a gap larger than
 * the usual line spacing, a speaker label, or the end of a page starts a new
 * paragraph; a hyphen at a line's end joins the word). A PDF whose pages hold
 * no text layer needs OCR first, and is refused with that advice.
 */
import { AppError } from '../../../shared/api/errors';
import { normalizeImportedText } from '../../../shared/text/codepoints';
import { isPdf } from './sniff';
import type { Importer } from './types';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

const speakerLabel = /^[\p{L}][\p{L}\p{M}\p{N} .'’()-]{0,59}:\s/u;

async function pageLines(page: { getTextContent(): Promise<{ items: unknown[] }> }): Promise<Line[]> {
  const content = await page.getTextContent();
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const raw of content.items) {
    const item = raw as TextItem;
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5] ?? 0;
    if (current && Math.abs(current.y - y) > Math.max(2, current.height * 0.5)) {
      lines.push(current);
      current = null;
    }
    current ??= { text: '', y, height: item.height || 10 };
    current.text += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.filter((l) => l.text.trim() !== '').map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }));
}

function joinParagraphs(lines: Line[]): string[] {
  const gaps = lines.slice(1).map((line, i) => lines[i]!.y - line.y).filter((g) => g > 0);
  const usual = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 0;
  const paragraphs: string[] = [];
  let paragraph = '';
  lines.forEach((line, i) => {
    const gap = i > 0 ? lines[i - 1]!.y - line.y : 0;
    const breaks = i === 0 || gap <= 0 || (usual > 0 && gap > usual * 1.4) || speakerLabel.test(line.text);
    if (breaks) {
      if (paragraph) paragraphs.push(paragraph);
      paragraph = line.text;
    } else if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line.text)) {
      paragraph = paragraph.slice(0, -1) + line.text;
    } else {
      paragraph += ` ${line.text}`;
    }
  });
  if (paragraph) paragraphs.push(paragraph);
  return paragraphs;
}

export const pdfImporter: Importer = {
  id: 'pdf',
  extensions: ['pdf'],
  sniff: isPdf,
  async parse(bytes, fileName) {
    const format = 'PDF';
    if (!isPdf(bytes)) throw new AppError('corrupt_file', { file: fileName, format, detail: 'no PDF header' });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let document;
    try {
      document = await pdfjs.getDocument({
        data: new Uint8Array(bytes),
        isEvalSupported: false,
        disableFontFace: true,
        useSystemFonts: false,
        stopAtErrors: true,
        verbosity: 0,
      }).promise;
    } catch (error) {
      throw new AppError('corrupt_file', { file: fileName, format, detail: (error as Error).message });
    }
    try {
      const paragraphs: string[] = [];
      for (let n = 1; n <= document.numPages; n++) {
        const page = await document.getPage(n);
        paragraphs.push(...joinParagraphs(await pageLines(page)));
        page.cleanup();
      }
      const text = normalizeImportedText(paragraphs.join('\n'));
      if (text.trim() === '') throw new AppError('needs_ocr', { file: fileName });
      return { text, format: 'pdf', details: { pages: document.numPages } };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('corrupt_file', { file: fileName, format, detail: (error as Error).message });
    } finally {
      await document.destroy();
    }
  },
};
