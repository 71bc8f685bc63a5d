/**
 * Coding packages and the projects that come back from them, as files.
 * A package is written to a temporary file beside its destination and
 * renamed into place once complete, so a failure never leaves half a
 * package. Another project is read from a consistent copy (VACUUM INTO from
 * a read-only connection), so merging neither changes that file nor misses
 * what its write-ahead log holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Interchange } from '../../../shared/model/interchange';
import { Project } from '../project';
import { openProjectFile, TEMATIK_APPLICATION_ID } from '../store/projectFile';
import { mergeInto } from './mergeInto';
import { readInterchange, type ReadOptions } from './readProject';

/** Project settings a coder needs to code the same way. */
const carriedMeta = ['interviewer_labels', 'stopwords'];

export function writePackage(project: Project, out: string, options: ReadOptions, nativeBinding?: string): { documents: number; codes: number; codings: number } {
  const target = path.resolve(out);
  if (target === project.path) throw new AppError('file_exists', { file: out });
  if (fs.existsSync(target)) throw new AppError('file_exists', { file: out });
  const model = readInterchange(project, options);
  const partial = `${target}.partial-${process.pid}-${Date.now()}`;
  const copy = new Project(openProjectFile(partial, { create: true, nativeBinding }), partial, false, nativeBinding);
  try {
    copy.db.transaction(() => {
      mergeInto(copy, model);
      for (const key of carriedMeta) {
        const value = project.meta(key);
        if (value !== null) copy.setMeta(key, value);
      }
      copy.setMeta('packaged_from', project.name);
    })();
    copy.close();
    fs.renameSync(partial, target);
  } catch (error) {
    copy.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
    throw error;
  }
  return { documents: model.documents.length, codes: model.codes.length, codings: model.codings.length };
}

/** Everything in another project file, read without touching it. */
export function readOtherProject(file: string, nativeBinding?: string): Interchange {
  if (!fs.existsSync(file)) throw new AppError('file_missing', { file: path.basename(file) });
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (error) {
    throw new AppError('project_unreadable', { file: path.basename(file), detail: (error as Error).message });
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-merge-'));
  const copyPath = path.join(scratch, 'other.tematik');
  try {
    try {
      if (source.pragma('application_id', { simple: true }) !== TEMATIK_APPLICATION_ID) throw new AppError('not_a_project', { file: path.basename(file) });
      source.prepare('VACUUM INTO ?').run(copyPath);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('not_a_project', { file: path.basename(file) });
    } finally {
      source.close();
    }
    // Opening the copy upgrades an older project's schema, as opening it would.
    const other = new Project(openProjectFile(copyPath, { create: false, nativeBinding }), copyPath, false, nativeBinding);
    try {
      return readInterchange(other, { withCodings: true });
    } finally {
      other.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
