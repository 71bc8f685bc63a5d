/**
 * Importing a batch of files. Each file is read and parsed outside any
 * transaction; parsed files are committed a group at a time, each in a
 * savepoint of its own, so a failure in one file neither stops the batch nor
 * leaves anything half-written; the batch reports every file's outcome. A
 * shell that wants progress and cancelling sends a few files per call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { OpParsedInput } from '../../../shared/api/contract';
import type { ImportOutcome } from '../../../shared/model/types';
import type { Project } from '../project';
import { commitPrepared, interviewerLabels } from './commit';
import { prepareFile, type PreparedDocument } from './prepared';
import { extensionOf, isImportable, surveyExtensions } from './registry';
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

/**
 * Files parsed, then committed together: up to this many, or this much text.
 * One commit for many small transcripts writes each shared page (indexes,
 * the last page of each table) once, not once per file.
 */
const groupLimits = { files: 32, bytes: 16 * 1024 * 1024 };

interface ParsedSource {
  index: number;
  source: ImportSource;
  prepared: PreparedDocument;
}

export async function importSources(project: Project, sources: readonly ImportSource[], options: ImportOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  let group: ParsedSource[] = [];
  let groupBytes = 0;
  const commitGroup = () => {
    commitParsed(project, group, outcomes);
    group = [];
    groupBytes = 0;
  };
  for (const [index, source] of sources.entries()) {
    try {
      const bytes = readSource(source);
      if (surveyExtensions.includes(extensionOf(source.fileName)) || options.survey) {
        // In its place in the order: a survey's answers are checked against the documents before it.
        commitGroup();
        outcomes[index] = importSurvey(project, source, bytes, options);
        continue;
      }
      const prepared = await prepareFile(source.fileName, bytes);
      group.push({ index, source, prepared });
      groupBytes += prepared.utf8.byteLength;
      if (group.length >= groupLimits.files || groupBytes >= groupLimits.bytes) commitGroup();
    } catch (error) {
      outcomes[index] = failedOutcome(source.label, error);
    }
  }
  commitGroup();
  return outcomes;
}

function readSource(source: ImportSource): Uint8Array {
  if (source.size > importLimits.fileBytes) throw new AppError('file_too_large', { file: source.fileName, limit: importLimits.fileBytes / 1024 / 1024 });
  if (source.size === 0) throw new AppError('empty_file', { file: source.fileName });
  try {
    return source.read();
  } catch (error) {
    throw new AppError('read_failed', { file: source.fileName, detail: (error as Error).message });
  }
}

function importSurvey(project: Project, source: ImportSource, bytes: Uint8Array, options: ImportOptions): ImportOutcome {
  const result = project.db.transaction(() => commitSurvey(project, bytes, source.fileName, options.survey ?? {}, options.coder))();
  if (result.documents.length === 0 && result.duplicates > 0) return { file: source.label, status: 'duplicate', document: documentName(source.fileName) };
  return { file: source.label, status: 'imported', document: result.documents[0] ?? '', documents: result.documents, format: 'survey', length: 0, speakers: [] };
}

/**
 * One transaction for the group, each file in a savepoint of its own: a file
 * that cannot be written is rolled back alone and reported, the others
 * stay. An error that ends the whole transaction (a full disk) fails every
 * file of the group, none of which was written.
 */
function commitParsed(project: Project, group: readonly ParsedSource[], outcomes: ImportOutcome[]): void {
  if (group.length === 0) return;
  const written: ImportOutcome[] = [];
  try {
    project.db.transaction(() => {
      const labels = interviewerLabels(project);
      for (const { source, prepared } of group) {
        try {
          written.push(project.db.transaction(() => commitOne(project, source, prepared, labels))());
        } catch (error) {
          if (!project.db.inTransaction) throw error;
          written.push(failedOutcome(source.label, error));
        }
      }
    })();
    group.forEach((file, i) => (outcomes[file.index] = written[i]!));
    project.wroteText(group.reduce((bytes, file) => bytes + file.prepared.utf8.byteLength, 0));
  } catch (error) {
    for (const file of group) outcomes[file.index] = failedOutcome(file.source.label, error);
  }
}

function commitOne(project: Project, source: ImportSource, prepared: PreparedDocument, labels: readonly string[]): ImportOutcome {
  const existing = project.stmt('SELECT name FROM documents WHERE content_hash = ?').get(prepared.hash) as { name: string } | undefined;
  if (existing) return { file: source.label, status: 'duplicate', document: existing.name };
  const committed = commitPrepared(project, prepared, { name: documentName(source.fileName), fileName: source.fileName }, labels);
  return {
    file: source.label,
    status: 'imported',
    document: committed.name,
    documents: [committed.name],
    format: prepared.format,
    length: committed.length,
    speakers: committed.speakers,
  };
}

export function failedOutcome(file: string, error: unknown): ImportOutcome {
  const appError = error instanceof AppError ? error : new AppError('read_failed', { file, detail: (error as Error).message });
  return { file, status: 'failed', error: { code: appError.code, message: appError.message, params: appError.params } };
}

function documentName(fileName: string): string {
  const ext = path.extname(fileName);
  return (ext ? fileName.slice(0, -ext.length) : fileName) || fileName;
}
