/**
 * The codebook as shareable files, and the starter codebook of the Kupang
 * study as a template for any project. Importing matches codes by their path:
 * missing codes (and their parents) are created; existing codes take the
 * file's colour and guidance. One import is one transaction.
 */
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { codebookToCsv, codebookToMarkdown, parseCodebookCsv, parseCodebookMarkdown, type CodebookEntry } from '../../../shared/codebook/codebookFiles';
import type { CodebookImport } from '../../../shared/api/contract';
import type { Code } from '../../../shared/model/types';
import type { Project } from '../project';
import { readStarterCodebook, type CodeEntry } from '../sample/sampleStudy';
import { findOrCreateCode, getCode } from './codes';
import type { HandlersFor } from './types';

const hexColour = /^#[0-9a-fA-F]{6}$/;

export function importEntries(project: Project, entries: readonly CodebookEntry[]): CodebookImport {
  const createdIds: number[] = [];
  const before = new Map<number, Code>();
  const update = project.stmt('UPDATE codes SET color = ?, description = ?, inclusion = ?, exclusion = ?, example = ?, atypical = ? WHERE id = ?');
  for (const entry of entries) {
    const names = entry.path.split('/').map((n) => n.trim()).filter(Boolean);
    let parentId: number | null = null;
    names.forEach((name, i) => {
      const last = i === names.length - 1;
      const color = last && hexColour.test(entry.color) ? entry.color : undefined;
      const guidance = { description: entry.description, inclusion: entry.inclusion, exclusion: entry.exclusion, example: entry.example, atypical: entry.atypical };
      const code = findOrCreateCode(project, name.slice(0, 200), parentId, last ? { color, ...guidance } : {});
      if (code.created) createdIds.push(code.id);
      else if (last) {
        const current = getCode(project, code.id);
        if (!before.has(code.id) && !createdIds.includes(code.id)) before.set(code.id, current);
        update.run(color ?? current.color, guidance.description, guidance.inclusion, guidance.exclusion, guidance.example, guidance.atypical, code.id);
      }
      parentId = code.id;
    });
  }
  return {
    created: createdIds.length,
    updated: before.size,
    createdCodes: createdIds.map((codeId) => getCode(project, codeId)),
    before: [...before.values()],
    after: [...before.keys()].map((codeId) => getCode(project, codeId)),
  };
}

export const codebookHandlers: HandlersFor<'codebook'> = {
  'codebook.export': ({ format, lang }, core) => {
    const project = core.requireProject();
    const all = (project.stmt('SELECT id FROM codes').all() as { id: number }[]).map((c) => getCode(project, c.id));
    return format === 'csv'
      ? { fileName: `${project.name}-codebook.csv`, content: codebookToCsv(all) }
      : { fileName: `${project.name}-codebook.md`, content: codebookToMarkdown(all, project.name, lang ?? 'en') };
  },

  'codebook.import': ({ fileName, content }, core) => importEntries(core.requireProject(), codebookEntriesFromFile(fileName, content)),

  'codebook.addStarter': ({ lang }, core) => importEntries(core.requireProject(), starterEntries(core.options.resourceDir, lang)),
};

/** A codebook file (CSV or Markdown, as exported) read into entries; refuses anything else, naming the file. */
export function codebookEntriesFromFile(fileName: string, content: string): CodebookEntry[] {
  const ext = path.extname(fileName).toLowerCase();
  let entries: CodebookEntry[];
  if (ext === '.csv') entries = parseCodebookCsv(content, fileName);
  else if (ext === '.md' || ext === '.markdown') entries = parseCodebookMarkdown(content);
  else throw new AppError('unsupported_format', { file: fileName, ext: ext.slice(1) || '(none)' });
  if (entries.length === 0) throw new AppError('empty_file', { file: fileName });
  return entries;
}

/** The Kupang starter codebook in one language. */
export function starterEntries(resourceDir: string, lang: 'en' | 'id'): CodebookEntry[] {
  const entries: CodebookEntry[] = [];
  const walk = (items: readonly CodeEntry[], parent: string) => {
    for (const item of items) {
      const text = item[lang];
      const itemPath = parent ? `${parent}/${text.name}` : text.name;
      entries.push({ path: itemPath, color: item.color, description: text.description, inclusion: text.inclusion, exclusion: text.exclusion, example: text.example, atypical: text.atypical ?? '' });
      walk(item.children ?? [], itemPath);
    }
  };
  walk(readStarterCodebook(resourceDir), '');
  return entries;
}
