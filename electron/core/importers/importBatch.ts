/**
 * Importing a batch of files. Each file is read and parsed outside any
 * transaction, then committed in its own transaction, so a failure in one file
 * neither stops the batch nor leaves anything half-written; the batch reports
 * every file's outcome. A shell that wants progress and cancelling imports one
 * file per call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { OpParsedInput } from '../../../shared/api/contract';
import type { ImportOutcome } from '../../../shared/model/types';
import type { Project } from '../project';
import { commitDocument, contentHash } from './commit';
import { chooseImporter, extensionOf, isImportable, surveyExtensions } from './registry';
import { commitSurvey, type SurveyOptions } from './survey';
import { importLimits } from './types';

export interface ImportSource {
  /** Shown in outcomes and errors: the path given, or the uploaded file name. */
  label: string;
  fileName: string;
  size: number;
  read(): Uint8Array;
}

export interface ImportOptions {
  survey?: SurveyOptions;
  coder: string;
}

export function diskSource(file: string): ImportSource {
  return { label: file, fileName: path.basename(file), size: fs.statSync(file).size, read: () => fs.readFileSync(file) };
}

/** A file sent by the renderer, as bytes or base64: the contract's upload. */
export type Upload = OpParsedInput<'documents.importUploads'>['files'][number];

export function uploadBytes(upload: Upload): Buffer {
  return 'bytes' in upload ? Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength) : Buffer.from(upload.base64, 'base64');
}

export function uploadSource(upload: Upload): ImportSource {
  const fileName = path.basename(upload.fileName);
  const bytes = uploadBytes(upload);
  return { label: fileName, fileName, size: bytes.length, read: () => bytes };
}

/** Files below the given paths (folders recursively, in name order, importable types only), and the paths that do not exist. */
export function scanPaths(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isImportable(entry.name)) files.push(full);
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) walk(given);
    else files.push(given);
  }
  return { files, missing };
}

export async function importSources(project: Project, sources: readonly ImportSource[], options: ImportOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const source of sources) outcomes.push(await importOne(project, source, options));
  return outcomes;
}

export function failedOutcome(file: string, error: unknown): ImportOutcome {
  const appError = error instanceof AppError ? error : new AppError('read_failed', { file, detail: (error as Error).message });
  return { file, status: 'failed', error: { code: appError.code, message: appError.message, params: appError.params } };
}

function documentName(fileName: string): string {
  const ext = path.extname(fileName);
  return (ext ? fileName.slice(0, -ext.length) : fileName) || fileName;
}

async function importOne(project: Project, source: ImportSource, options: ImportOptions): Promise<ImportOutcome> {
  try {
    if (source.size > importLimits.fileBytes) throw new AppError('file_too_large', { file: source.fileName, limit: importLimits.fileBytes / 1024 / 1024 });
    if (source.size === 0) throw new AppError('empty_file', { file: source.fileName });
    let bytes: Uint8Array;
    try {
      bytes = source.read();
    } catch (error) {
      throw new AppError('read_failed', { file: source.fileName, detail: (error as Error).message });
    }

    if (surveyExtensions.includes(extensionOf(source.fileName)) || options.survey) {
      const result = project.db.transaction(() => commitSurvey(project, bytes, source.fileName, options.survey ?? {}, options.coder))();
      if (result.documents.length === 0 && result.duplicates > 0) return { file: source.label, status: 'duplicate', document: documentName(source.fileName) };
      return { file: source.label, status: 'imported', document: result.documents[0] ?? '', documents: result.documents, format: 'survey', length: 0, speakers: [] };
    }

    const parsed = await chooseImporter(source.fileName, bytes).parse(bytes, source.fileName);
    if (parsed.text.length > importLimits.textChars) throw new AppError('file_too_large', { file: source.fileName, limit: importLimits.textChars / 1024 / 1024 });
    const hash = contentHash(parsed.text);
    return project.db.transaction((): ImportOutcome => {
      const existing = project.stmt('SELECT name FROM documents WHERE content_hash = ?').get(hash) as { name: string } | undefined;
      if (existing) return { file: source.label, status: 'duplicate', document: existing.name };
      const committed = commitDocument(project, parsed, { name: documentName(source.fileName), fileName: source.fileName, hash });
      return {
        file: source.label,
        status: 'imported',
        document: committed.name,
        documents: [committed.name],
        format: parsed.format,
        length: committed.length,
        speakers: committed.speakers,
      };
    })();
  } catch (error) {
    return failedOutcome(source.label, error);
  }
}
