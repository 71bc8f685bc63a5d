/**
 * The codebook as files a researcher can share, edit and bring back: CSV (one
 * row per code, the hierarchy as a path) and Markdown (a heading per code,
 * nested by level, its guidance as labelled lines). Both read back what they
 * write, so a codebook survives a round trip through a spreadsheet or an editor.
 */
import Papa from 'papaparse';
import { AppError } from '../api/errors';
import type { Language } from '../i18n';
import { codePath, flattenCodeTree } from '../model/codeTree';
import type { Code } from '../model/types';

/** One code as the files carry it; the path names its ancestors, separated by "/". */
export type CodebookEntry = Pick<Code, 'color' | 'description' | 'inclusion' | 'exclusion' | 'example' | 'atypical'> & { path: string };

export const codebookCsvColumns = ['path', 'color', 'description', 'inclusion', 'exclusion', 'example', 'atypical'] as const;

const fields = ['description', 'inclusion', 'exclusion', 'example', 'atypical'] as const;
const labels: Record<Language, Record<(typeof fields)[number], string>> = {
  en: { description: 'Description', inclusion: 'Include when', exclusion: 'Do not include when', example: 'Example', atypical: 'Atypical example' },
  id: { description: 'Deskripsi', inclusion: 'Sertakan bila', exclusion: 'Jangan sertakan bila', example: 'Contoh', atypical: 'Contoh tidak khas' },
};

export function codebookEntries(codes: readonly Code[]): CodebookEntry[] {
  return flattenCodeTree(codes).map(({ code }) => ({
    path: codePath(codes, code),
    color: code.color,
    description: code.description,
    inclusion: code.inclusion,
    exclusion: code.exclusion,
    example: code.example,
    atypical: code.atypical,
  }));
}

export function codebookToCsv(codes: readonly Code[]): string {
  return Papa.unparse({ fields: [...codebookCsvColumns], data: codebookEntries(codes).map((e) => codebookCsvColumns.map((c) => e[c])) }, { newline: '\r\n' });
}

export function codebookToMarkdown(codes: readonly Code[], title: string, lang: Language): string {
  const lines = [`# ${title}`, ''];
  for (const { code, depth } of flattenCodeTree(codes)) {
    lines.push(`${'#'.repeat(Math.min(depth + 2, 6))} ${code.name}`, '', `- colour: ${code.color}`);
    for (const field of fields) if (code[field]) lines.push(`- ${labels[lang][field]}: ${code[field].replace(/\s*\n\s*/g, ' ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function parseCodebookCsv(text: string, fileName: string): CodebookEntry[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) throw new AppError('csv_invalid', { file: fileName, row: (broken.row ?? 0) + 1, detail: 'a quoted field is never closed' });
  if (!parsed.meta.fields?.includes('path')) throw new AppError('survey_column', { file: fileName, column: 'path', columns: (parsed.meta.fields ?? []).join(', ') });
  return parsed.data
    .filter((row) => (row.path ?? '').trim() !== '')
    .map((row) => ({
      path: row.path!.trim(),
      color: (row.color ?? '').trim(),
      description: row.description ?? '',
      inclusion: row.inclusion ?? '',
      exclusion: row.exclusion ?? '',
      example: row.example ?? '',
      atypical: row.atypical ?? '',
    }));
}

export function parseCodebookMarkdown(text: string): CodebookEntry[] {
  const entries: CodebookEntry[] = [];
  const stack: string[] = [];
  let current: CodebookEntry | null = null;
  const fieldByLabel = new Map<string, (typeof fields)[number]>();
  for (const lang of Object.keys(labels) as Language[]) for (const field of fields) fieldByLabel.set(labels[lang][field].toLowerCase(), field);

  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^(#{2,6})\s+(.+?)\s*$/.exec(line);
    if (heading) {
      const depth = heading[1]!.length - 2;
      stack.length = depth;
      stack.push(heading[2]!.replace(/\//g, '∕'));
      current = { path: stack.join('/'), color: '', description: '', inclusion: '', exclusion: '', example: '', atypical: '' };
      entries.push(current);
      continue;
    }
    const item = /^-\s+([^:]+):\s*(.*)$/.exec(line);
    if (!item || !current) continue;
    const label = item[1]!.trim().toLowerCase();
    if (label === 'colour' || label === 'color' || label === 'warna') current.color = item[2]!.trim();
    else {
      const field = fieldByLabel.get(label);
      if (field) current[field] = item[2]!.trim();
    }
  }
  return entries;
}
