/**
 * The mixed-methods dataset: every table a researcher takes into a
 * spreadsheet or a statistics package, as CSV files written from the same
 * computations the screens and the CLI use. With `excel`, files start with a
 * byte-order mark and write decimal commas (with `;` as the delimiter, which
 * Indonesian Excel expects).
 */
import Papa from 'papaparse';
import { AppError } from '../../../shared/api/errors';
import { toCsv, type CsvOptions } from '../../../shared/csv/table';
import { crosstabCells } from '../../../shared/analysis/frequencies';
import { codePaths } from '../../../shared/model/codeTree';
import { loadFacts } from '../analysis/facts';
import { wordFrequencies } from '../analysis/words';
import type { Core } from '../core';
import type { OpName, OpParsedInput, OpResult } from '../../../shared/api/contract';
import { listCases } from '../handlers/cases';
import { codingsCsvFile } from './codingsFile';
import { FilePieces } from '../filePieces';
import type { Task } from '../tasks';
import { ZipWriter } from './zipWriter';
import { handlers } from '../handlers/index';
import type { SyncHandler } from '../handlers/types';

export interface DatasetOptions {
  excel?: boolean;
  delimiter?: ',' | ';';
  /** The co-occurrence rule of cooccurrence.csv (default overlap). */
  rule?: string;
}

export interface DatasetFile {
  name: string;
  content: FilePieces;
}

/** The dataset's files, each with how to build it; callers build them one at a time, which gives progress and cancel. */
function datasetBuilders(core: Core, options: DatasetOptions): [string, () => string | FilePieces][] {
  const project = core.requireProject();
  // The same reads the screens and the CLI make, so every file agrees with them.
  // None of these reads has a file field, so what the handler returns is the result itself.
  const read = <K extends OpName>(op: K, input: OpParsedInput<K>): OpResult<K> => (handlers[op] as SyncHandler<K>)(input, core) as OpResult<K>;
  const csv: CsvOptions = { delimiter: options.delimiter ?? (options.excel ? ';' : ','), bom: options.excel === true, decimalComma: options.excel === true };
  // Built on first use: a call for one file pays only for what that file needs.
  const cases = once(() => listCases(project));
  const attributeNames = once(() => [...new Set(cases().flatMap((c) => Object.keys(c.attributes)))].sort((a, b) => a.localeCompare(b)));

  const builders: [string, () => string | FilePieces][] = [
    // The foundation's file, column for column; the cases and their attributes come in the next one.
    ['codings.csv', () => codingsCsvFile(project, csv)],
    [
      'codings-with-cases.csv',
      () => {
        const data = loadFacts(project);
        const caseByName = new Map(cases().map((c) => [c.name, c]));
        const caseById = new Map(data.cases.map((c) => [c.id, caseByName.get(c.name)!]));
        // The facts' own lists of case ids, looked up row by row: no second list per coding of a project of 100,000.
        const caseIdsOfCoding = new Map<number, readonly number[]>();
        for (const fact of data.facts) caseIdsOfCoding.set(fact.id, fact.caseIds);
        const paths = codePaths(data.codes);
        const pathByName = new Map(data.codes.map((c) => [c.name, paths.get(c.id)!]));
        const attributes = attributeNames();
        return codingsCsvFile(project, csv, {
          fields: ['case', 'code_path', ...attributes],
          cells: (r) => {
            const owners = (caseIdsOfCoding.get(r.id) ?? []).map((id) => caseById.get(id)!);
            return [
              owners.map((c) => c.name).join('; '),
              pathByName.get(r.code) ?? r.code,
              ...attributes.map((a) => [...new Set(owners.map((c) => c.attributes[a]).filter(Boolean))].join('; ')),
            ];
          },
        });
      },
    ],
    ['cases.csv', () => toCsv(cases().map((c) => ({ case: c.name, documents: c.documents.join('; '), ...c.attributes })), csv, ['case', 'documents', ...attributeNames()])],
    ['code-frequencies.csv', () => toCsv(read('analysis.frequencies', {}).codes.map(({ code, path, codings, documents, cases: n }) => ({ code, path, codings, documents, cases: n })), csv)],
    ...(['counts', 'presence'] as const).map((kind): [string, () => string] => [
      `code-case-${kind}.csv`,
      () => {
        const matrix = read('analysis.matrix', { cols: 'cases', binary: kind === 'presence' });
        return toCsv(
          matrix.rows.map((r) => ({ code: r.code, path: r.path, ...Object.fromEntries(matrix.columns.map((c, i) => [c, r.values[i]!])) })),
          csv,
          ['code', 'path', ...matrix.columns],
        );
      },
    ]),
    ...attributeNames().map((attribute): [string, () => string] => [
      `code-by-${fileSafe(attribute)}.csv`,
      () => {
        const table = read('analysis.frequencies', { by: attribute }).crosstab!;
        const cellOf = crosstabCells(table);
        const fields = ['code', 'path', ...table.values.flatMap((v) => [`${v.value} (cases)`, `${v.value} (%)`])];
        const rows = read('analysis.frequencies', {}).codes.map((c) => {
          const row: Record<string, string | number> = { code: c.code, path: c.path };
          for (const v of table.values) {
            const cell = cellOf(c.codeId, v.value);
            row[`${v.value} (cases)`] = cell?.cases ?? 0;
            row[`${v.value} (%)`] = cell?.percent ?? 0;
          }
          return row;
        });
        return toCsv(rows, csv, fields);
      },
    ]),
    [
      'cooccurrence.csv',
      () => toCsv(read('analysis.cooccurrence', { rule: options.rule }).map(({ a, b, count, c, rule, n1, n2, uneven }) => ({ a, b, count, c, rule, n1, n2, uneven })), csv, ['a', 'b', 'count', 'c', 'rule', 'n1', 'n2', 'uneven']),
    ],
    [
      'words.csv',
      () =>
        toCsv(
          wordFrequencies(project, { top: 1000 }).map((w) => ({ word: w.word, stem: w.stem, count: w.count, documents: w.documents, forms: w.forms.map((f) => `${f.form} (${f.count})`).join('; ') })),
          csv,
          ['word', 'stem', 'count', 'documents', 'forms'],
        ),
    ],
    [
      'codebook.csv',
      () => {
        const { content } = read('codebook.export', { format: 'csv' });
        const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true });
        return toCsv(parsed.data, csv, parsed.meta.fields ?? []);
      },
    ],
  ];

  return builders;
}

export function datasetFileNames(core: Core): string[] {
  return datasetBuilders(core, {}).map(([name]) => name);
}

export function buildDatasetFile(core: Core, name: string, options: DatasetOptions): DatasetFile {
  const builder = datasetBuilders(core, options).find(([candidate]) => candidate === name);
  if (!builder) throw new AppError('not_found', { what: 'Export file', name });
  return { name, content: asPieces(builder[1]()) };
}

/** Every file of the dataset in one zip, a file at a time: the task says which, and can stop between two. */
export async function datasetZip(core: Core, options: DatasetOptions, task: Task): Promise<{ file: Buffer; files: number }> {
  const builders = datasetBuilders(core, options);
  const zip = new ZipWriter();
  task.step('file', builders.length);
  for (const [name, build] of builders) {
    task.advance(0, name);
    await task.breathe();
    zip.add(name, asPieces(build()).join());
    task.advance(1);
  }
  task.step('compress', 1);
  return { file: await zip.finish(), files: builders.length };
}

function asPieces(content: string | FilePieces): FilePieces {
  return typeof content === 'string' ? FilePieces.of([Buffer.from(content, 'utf8')]) : content;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function fileSafe(name: string): string {
  return name.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'attribute';
}
