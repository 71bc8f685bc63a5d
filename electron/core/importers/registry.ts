/**
 * The importer registry: one module per format. A file is claimed by content
 * first (an importer whose sniff recognises the bytes) and by extension second.
 */
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { plainTextImporter } from './plainText';
import type { Importer } from './types';

export const importers: readonly Importer[] = [plainTextImporter];

export function extensionOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase();
}

export function chooseImporter(fileName: string, bytes: Uint8Array): Importer {
  const byContent = importers.find((importer) => importer.sniff?.(bytes));
  if (byContent) return byContent;
  const ext = extensionOf(fileName);
  const byExtension = importers.find((importer) => importer.extensions.includes(ext));
  if (byExtension) return byExtension;
  throw new AppError('unsupported_format', { file: fileName, ext: ext || '(none)' });
}

export function isImportable(fileName: string): boolean {
  const ext = extensionOf(fileName);
  return importers.some((importer) => importer.extensions.includes(ext));
}
