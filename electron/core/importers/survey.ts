/**
 * Open-ended surveys from CSV or TSV (papaparse; the delimiter — comma,
 * semicolon or tab — is detected). Each respondent becomes a case with the
 * attribute columns, and one document holding their open answers, each under
 * its question and coded with a code named after the question (grouped under
 * a code named after the file), as the commercial tools do.
 */
import path from 'node:path';
import Papa from 'papaparse';
import { AppError } from '../../../shared/api/errors';
import { summariseColumns, type ColumnSummary } from '../../../shared/import/surveyRoles';
import type { SurveyPreview } from '../../../shared/model/types';
import { codePointLength } from '../../../shared/text/codepoints';
import { findOrCreateCode } from '../handlers/codes';
import { ensureCoder } from '../handlers/coders';
import type { Project } from '../project';
import { commitDocument, ensureCase, linkCaseToDocument } from './commit';
import { contentHash } from './contentHash';
import { decodeText } from './decodeText';
import { rowUuid } from '../store/rowUuid';

export interface SurveyOptions {
  idColumn?: string;
  textColumns?: string[];
  attributeColumns?: string[];
}

interface Table {
  header: string[];
  rows: string[][];
  delimiter: string;
}

export function readTable(bytes: Uint8Array, fileName: string): Table {
  const { text } = decodeText(bytes, fileName);
  if (text.trim() === '') throw new AppError('empty_file', { file: fileName });
  const parsed = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [',', ';', '\t'], skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.code === 'UndetectableDelimiter');
  if (fatal && fatal.code !== 'UndetectableDelimiter') {
    throw new AppError('csv_invalid', { file: fileName, row: (fatal.row ?? 0) + 1, detail: fatal.code === 'MissingQuotes' ? 'a quoted field is never closed' : fatal.message });
  }
  const [header, ...rows] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) throw new AppError('empty_file', { file: fileName });
  return { header: header.map((h, i) => h.trim() || `Column ${i + 1}`), rows, delimiter: parsed.meta.delimiter };
}

export function previewSurvey(bytes: Uint8Array, fileName: string): SurveyPreview {
  const table = readTable(bytes, fileName);
  return { fileName, delimiter: table.delimiter, rowCount: table.rows.length, columns: summariseColumns(table.header, table.rows) };
}

function resolveRoles(table: Table, fileName: string, options: SurveyOptions): { id: number; text: number[]; attributes: number[] } {
  const suggested: ColumnSummary[] = summariseColumns(table.header, table.rows);
  const indexOf = (column: string) => {
    const exact = table.header.indexOf(column);
    const at = exact >= 0 ? exact : table.header.findIndex((h) => h.toLocaleLowerCase() === column.trim().toLocaleLowerCase());
    if (at < 0) throw new AppError('survey_column', { file: fileName, column, columns: table.header.join(', ') });
    return at;
  };
  const id = options.idColumn !== undefined ? indexOf(options.idColumn) : suggested.findIndex((s) => s.role === 'id');
  const text = options.textColumns ? options.textColumns.map(indexOf) : suggested.flatMap((s, i) => (s.role === 'text' && i !== id ? [i] : []));
  const attributes = options.attributeColumns
    ? options.attributeColumns.map(indexOf)
    : suggested.flatMap((s, i) => (s.role === 'attribute' && i !== id && !text.includes(i) ? [i] : []));
  if (text.length === 0) throw new AppError('survey_no_text', { file: fileName });
  return { id, text, attributes };
}

export interface SurveyResult {
  documents: string[];
  cases: number;
  duplicates: number;
}

/** Imports the whole survey; the caller wraps it in one transaction. */
export function commitSurvey(project: Project, bytes: Uint8Array, fileName: string, options: SurveyOptions, coder: string): SurveyResult {
  const table = readTable(bytes, fileName);
  const roles = resolveRoles(table, fileName, options);
  const base = path.basename(fileName, path.extname(fileName));
  const parentId = findOrCreateCode(project, base, null).id;
  const questionCodes = roles.text.map((column) => findOrCreateCode(project, table.header[column]!, parentId).id);
  const coderId = ensureCoder(project, coder);
  const insertCoding = project.stmt(`INSERT INTO codings(uuid, document_id, code_id, start, "end", coder_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const setAttribute = project.stmt(
    'INSERT INTO case_attributes(case_id, name, value) VALUES (?, ?, ?) ON CONFLICT(case_id, name) DO UPDATE SET value = excluded.value',
  );
  const now = new Date().toISOString();
  const result: SurveyResult = { documents: [], cases: 0, duplicates: 0 };

  table.rows.forEach((row, r) => {
    const respondent = (roles.id >= 0 ? row[roles.id]?.trim() : '') || `${r + 1}`;
    let text = '';
    const answers: { code: number; start: number; end: number }[] = [];
    roles.text.forEach((column, q) => {
      const answer = (row[column] ?? '').replace(/\r\n?/g, '\n').trim();
      if (!answer) return;
      if (text) text += '\n\n';
      text += `${table.header[column]}\n`;
      const start = codePointLength(text);
      text += answer;
      answers.push({ code: questionCodes[q]!, start, end: start + codePointLength(answer) });
    });
    const caseId = ensureCase(project, respondent);
    result.cases++;
    for (const column of roles.attributes) {
      const value = (row[column] ?? '').trim();
      if (value) setAttribute.run(caseId, table.header[column]!, value);
    }
    if (!text) return;
    const hash = contentHash(`${respondent}\u0000${text}`);
    if (project.stmt('SELECT 1 FROM documents WHERE content_hash = ?').get(hash)) {
      result.duplicates++;
      return;
    }
    const committed = commitDocument(project, { text, format: 'survey', details: { survey: fileName, row: r + 2 }, turns: [] }, { name: `${base} – ${respondent}`, fileName, hash });
    linkCaseToDocument(project, caseId, committed.documentId);
    for (const answer of answers) insertCoding.run(rowUuid(), committed.documentId, answer.code, answer.start, answer.end, coderId, now);
    result.documents.push(committed.name);
  });
  return result;
}
