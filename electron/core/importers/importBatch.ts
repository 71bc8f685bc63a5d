/**
 * Importing a batch of files. Each file is parsed outside any transaction and
 * then committed in its own transaction, so a failure in one file neither
 * stops the batch nor leaves anything half-written; the batch reports every
 * file's outcome.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ImportOutcome } from '../../../shared/model/types';
import { codePointLength } from '../../../shared/text/codepoints';
import type { Project } from '../project';
import { chooseImporter, isImportable } from './registry';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

interface Source {
  /** Shown in outcomes and errors: the path given, or the uploaded file name. */
  label: string;
  fileName: string;
  read(): Uint8Array;
  size: number;
}

export async function importFromDisk(project: Project, paths: readonly string[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const given of paths) {
    const files = expand(given);
    if (files === null) {
      outcomes.push(failed(given, new AppError('file_missing', { file: given })));
      continue;
    }
    for (const file of files) {
      const size = fs.statSync(file).size;
      outcomes.push(await importOne(project, { label: file, fileName: path.basename(file), size, read: () => fs.readFileSync(file) }));
    }
  }
  return outcomes;
}

export async function importFromUploads(project: Project, files: readonly { fileName: string; base64: string }[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    const fileName = path.basename(file.fileName);
    const bytes = Buffer.from(file.base64, 'base64');
    outcomes.push(await importOne(project, { label: fileName, fileName, size: bytes.length, read: () => bytes }));
  }
  return outcomes;
}

/** Files below a folder (recursively, in name order, importable types only), the file itself, or null if missing. */
function expand(given: string): string[] | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(given);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return [given];
  const entries = fs.readdirSync(given, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const full = path.join(given, entry.name);
    if (entry.name.startsWith('.')) return [];
    if (entry.isDirectory()) return expand(full) ?? [];
    return entry.isFile() && isImportable(entry.name) ? [full] : [];
  });
}

async function importOne(project: Project, source: Source): Promise<ImportOutcome> {
  try {
    if (source.size > MAX_IMPORT_BYTES) {
      throw new AppError('file_too_large', { file: source.fileName, limit: MAX_IMPORT_BYTES / 1024 / 1024 });
    }
    if (source.size === 0) throw new AppError('empty_file', { file: source.fileName });
    let bytes: Uint8Array;
    try {
      bytes = source.read();
    } catch (error) {
      throw new AppError('read_failed', { file: source.fileName, detail: (error as Error).message });
    }
    const parsed = await chooseImporter(source.fileName, bytes).parse(bytes, source.fileName);
    const hash = createHash('sha256').update(parsed.text).digest('hex');
    return project.db.transaction((): ImportOutcome => {
      const existing = project.stmt('SELECT name FROM documents WHERE content_hash = ?').get(hash) as { name: string } | undefined;
      if (existing) return { file: source.label, status: 'duplicate', document: existing.name };
      const name = uniqueName(project, baseName(source.fileName));
      const length = codePointLength(parsed.text);
      project
        .stmt(
          `INSERT INTO documents(uuid, name, source_name, content_hash, imported_at, text, length)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(crypto.randomUUID(), name, source.fileName, hash, new Date().toISOString(), parsed.text, length);
      return { file: source.label, status: 'imported', document: name, length };
    })();
  } catch (error) {
    return failed(source.label, error);
  }
}

function failed(file: string, error: unknown): ImportOutcome {
  const appError = error instanceof AppError ? error : new AppError('read_failed', { file, detail: (error as Error).message });
  return { file, status: 'failed', error: { code: appError.code, message: appError.message } };
}

function baseName(fileName: string): string {
  const ext = path.extname(fileName);
  return (ext ? fileName.slice(0, -ext.length) : fileName) || fileName;
}

function uniqueName(project: Project, wanted: string): string {
  const taken = project.stmt('SELECT 1 FROM documents WHERE name = ?');
  if (!taken.get(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!taken.get(candidate)) return candidate;
  }
}
