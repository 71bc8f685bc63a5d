/**
 * The importer registry: one module per format. A file is claimed by content
 * first (magic numbers, headers) and by extension second; well-known binary
 * types are refused by what they are, whatever their name.
 */
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { docxImporter, legacyDocImporter } from './docx';
import { htmlImporter } from './html';
import { pdfImporter } from './pdf';
import { plainTextImporter } from './plainText';
import { binaryKind, isZip } from './sniff';
import { srtImporter, vttImporter } from './subtitles';
import type { Importer } from './types';

/** Order matters for sniffing: the most specific signatures first. */
export const importers: readonly Importer[] = [pdfImporter, docxImporter, legacyDocImporter, vttImporter, srtImporter, htmlImporter, plainTextImporter];

export const surveyExtensions = ['csv', 'tsv'];

const unreadable: Record<string, string> = { odt: 'OpenDocument (.odt)', rtf: 'Rich Text (.rtf)', pages: 'Apple Pages' };

export function extensionOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase();
}

export function chooseImporter(fileName: string, bytes: Uint8Array): Importer {
  const byContent = importers.find((importer) => importer.sniff?.(bytes));
  if (byContent) return byContent;
  const kind = binaryKind(bytes);
  if (kind) throw new AppError(kind, { file: fileName });
  const ext = extensionOf(fileName);
  if (unreadable[ext]) throw new AppError('save_as_docx', { file: fileName, format: unreadable[ext] });
  if (isZip(bytes)) throw new AppError(ext === 'docx' ? 'corrupt_file' : 'archive_file', { file: fileName, format: 'Word (.docx)', detail: 'word/document.xml is missing' });
  const byExtension = importers.find((importer) => importer.extensions.includes(ext));
  if (byExtension) return byExtension;
  // Unknown or no extension: text if it reads as text (decodeText refuses binary).
  return plainTextImporter;
}

/** Files a folder scan picks up: everything we read, and formats we must explain that we cannot read. */
export function isImportable(fileName: string): boolean {
  const ext = extensionOf(fileName);
  return surveyExtensions.includes(ext) || ext in unreadable || importers.some((importer) => importer.extensions.includes(ext));
}
