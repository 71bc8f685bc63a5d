/**
 * `tematik`: the command line. Every verb opens the project, runs operations
 * through the same dispatcher as the app, prints, and closes. Errors go to
 * stderr with a non-zero exit; a failed write changes nothing (one transaction).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { OpName, OpResult, TaskOp } from '../../shared/api/contract';
import { runAsTask } from './taskProgress';
import { AppError, interpolate, type ErrorCode, type ErrorParams } from '../../shared/api/errors';
import { catalogs, type Language } from '../../shared/i18n';
import { Core } from '../core/core';
import { call } from '../core/dispatcher';
import { writeAtomically } from '../core/store/atomicFile';
import { codePath, findCode } from '../../shared/model/codeTree';
import type { ImportOutcome } from '../../shared/model/types';
import { findDocument, parsePosition } from './resolve';
import { isExchangeFile, printExchangeImport, registerExchangeExports } from './exchange';
import { registerSafetyCommands } from './safety';
import { registerTeamCommands } from './team';
import { parseRule } from '../../shared/analysis/cooccurrence';
import { toCsv } from '../../shared/csv/table';
import { uploadBatches } from '../../shared/import/uploadBatches';

const resourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const language: Language = /^id/i.test(process.env.TEMATIK_LANG ?? process.env.LANG ?? '') ? 'id' : 'en';

const core = new Core({ shell: 'cli', resourceDir, sampleDir: process.cwd() });
const run = <K extends OpName>(op: K, input: unknown): Promise<OpResult<K>> => call(core, op, input);

// Piped into `head`, the reader may close early: stop quietly rather than crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function json(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

function errorMessage(error: AppError): string {
  return interpolate(catalogs[language].errors[error.code], error.params as ErrorParams);
}

/** Wrap a verb: open the project, run, close, and turn errors into stderr + exit code. */
function withProject<A extends unknown[]>(action: (...args: A) => Promise<number | void>) {
  return async (project: string, ...args: A): Promise<void> => {
    try {
      await run('project.open', { path: project });
      process.exitCode = (await action(...args)) ?? 0;
    } catch (error) {
      fail(error);
    } finally {
      core.close();
    }
  };
}

/** Wrap a verb that makes its own project: errors to stderr and exit code, project closed. */
function withoutProject<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    try {
      await action(...args);
    } catch (error) {
      fail(error);
    } finally {
      core.close();
    }
  };
}

function readInputFile(file: string): string {
  if (!fs.existsSync(file)) throw new AppError('file_missing', { file });
  return fs.readFileSync(file, 'utf8');
}

function fail(error: unknown): void {
  const message = error instanceof AppError ? errorMessage(error) : (error as Error).message;
  process.stderr.write(`tematik: ${message}\n`);
  process.exitCode = 1;
}

const program = new Command()
  .name('tematik')
  .description('Tematik — qualitative analysis of interviews. Positions are Unicode code points from 0, end exclusive.')
  .version('0.1.0')
  .showHelpAfterError();

program
  .command('init')
  .argument('<project>', 'project file to create (*.tematik)')
  .option('--codebook <file>', 'start from a codebook exported as CSV or Markdown')
  .option('--starter <lang>', 'start from the Kupang starter codebook: en or id')
  .description('create a new project (empty, or with a codebook); refuses if the file exists')
  .action(
    withoutProject(async (project: string, options: { codebook?: string; starter?: string }) => {
      if (options.codebook && options.starter) throw new AppError('validation', { op: 'init', detail: 'choose --codebook or --starter, not both' });
      const codebook = options.codebook
        ? { fileName: path.basename(options.codebook), content: readInputFile(options.codebook) }
        : options.starter
          ? { starter: options.starter as 'en' | 'id' }
          : undefined;
      const info = await run('project.create', { path: project, codebook });
      out(`Created ${info.path}${codebook ? ` with ${(await run('codes.list', {})).length} codes` : ''}`);
    }),
  );

program
  .command('sample')
  .argument('<project>', 'project file to create')
  .option('--lang <lang>', 'codebook language: id or en', 'id')
  .description('create the coded sample study (gig workers in Kupang)')
  .action(
    withoutProject(async (project: string, options: { lang: string }) => {
      if (fs.existsSync(project)) throw new AppError('file_exists', { file: project });
      out(`Created ${(await run('project.openSample', { path: project, lang: options.lang })).path}`);
    }),
  );

program
  .command('import')
  .argument('<project>')
  .argument('<paths...>', 'files or folders (folders are searched recursively)')
  .option('--json', 'print one JSON object per file, as soon as that file is committed')
  .option('--survey', 'read CSV/TSV files as surveys (the default for .csv and .tsv)')
  .option('--id <column>', 'survey: the column that identifies each respondent')
  .option('--text-columns <columns>', 'survey: comma-separated columns of open answers')
  .option('--attributes <columns>', 'survey: comma-separated columns to keep as case attributes')
  .description('import transcripts (txt, md, docx, pdf, vtt, srt, html), surveys (csv, tsv), and REFI-QDA projects (.qdpx) and codebooks (.qdc); one document per file')
  .action(
    withProject(async (paths: string[], options: { json?: boolean; survey?: boolean; id?: string; textColumns?: string; attributes?: string }) => {
      const list = (value?: string) => value?.split(',').map((c) => c.trim()).filter(Boolean);
      const surveyFlags = options.survey || options.id || options.textColumns || options.attributes;
      const survey = surveyFlags ? { idColumn: options.id, textColumns: list(options.textColumns), attributeColumns: list(options.attributes) } : undefined;
      const exchange = paths.filter(isExchangeFile);
      const { files, missing } = exchange.length === paths.length ? { files: [], missing: [] } : await run('documents.scanPaths', { paths: paths.filter((p) => !isExchangeFile(p)) });
      let failed = missing.length > 0;
      for (const file of missing) report({ file, status: 'failed', error: new AppError('file_missing', { file }).toPayload() }, options.json);
      for (const file of exchange) {
        try {
          printExchangeImport(await run('exchange.import', { path: path.resolve(file) }), out, options.json === true);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          report({ file, status: 'failed', error: error.toPayload() }, options.json);
          failed = true;
        }
      }
      // The app's uploads: each file is committed before its line is printed, a few transcripts at a time.
      for (const batch of uploadBatches(files.map((file) => ({ name: file, size: fileSize(file) })))) {
        for (const outcome of await run('documents.importFiles', { paths: batch.map((file) => file.name), survey })) {
          report(outcome, options.json);
          if (outcome.status === 'failed') failed = true;
        }
      }
      return failed ? 1 : 0;
    }),
  );

/** A file's size for grouping; one that cannot be read is reported by the import itself. */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function report(outcome: ImportOutcome, asJson: boolean | undefined): void {
  if (outcome.status === 'failed') {
    const message = interpolate(catalogs[language].errors[outcome.error.code as ErrorCode] ?? outcome.error.message, outcome.error.params);
    process.stderr.write(`tematik: ${message}\n`);
    if (asJson) out(JSON.stringify({ ...outcome, error: { ...outcome.error, message } }));
    return;
  }
  if (asJson) out(JSON.stringify(outcome));
  else if (outcome.status === 'imported') {
    const made = outcome.documents.length > 1 ? `${outcome.documents.length} documents` : outcome.document;
    const speakers = outcome.speakers.length ? ` (speakers: ${outcome.speakers.join(', ')})` : '';
    out(`imported\t${outcome.file}\t→ ${made}${speakers}`);
  } else out(`duplicate\t${outcome.file}\t= ${outcome.document}`);
}

program
  .command('show')
  .argument('<project>')
  .argument('<document>', 'document name')
  .description('print the stored text of a document exactly')
  .action(
    withProject(async (name: string) => {
      const document = findDocument(await run('documents.list', {}), name);
      process.stdout.write((await run('documents.get', { id: document.id })).text);
    }),
  );

const codes = program.command('codes').description('work with the codebook');
codes
  .command('add')
  .argument('<project>')
  .argument('<name>')
  .option('--parent <name>', 'parent code (name or path)')
  .option('--description <text>')
  .option('--color <hex>', 'colour as #RRGGBB')
  .description('add a code to the codebook')
  .action(
    withProject(async (name: string, options: { parent?: string; description?: string; color?: string }) => {
      const parentId = options.parent ? findCode(await run('codes.list', {}), options.parent).id : null;
      const code = await run('codes.create', { name, parentId, description: options.description, color: options.color });
      out(`Added code ${code.name}`);
    }),
  );

codes
  .command('merge')
  .argument('<project>')
  .argument('<source>', 'code to merge away (name or path)')
  .argument('<target>', 'code that receives its codings (name or path)')
  .description('move every coding of SOURCE to TARGET (duplicates collapse), then remove SOURCE')
  .action(
    withProject(async (sourceName: string, targetName: string) => {
      const all = await run('codes.list', {});
      const source = findCode(all, sourceName);
      const target = findCode(all, targetName);
      const result = await run('codes.merge', { sourceId: source.id, targetId: target.id });
      out(`Merged ${source.name} into ${target.name}: ${result.moved} codings moved, ${result.collapsed} duplicates collapsed`);
    }),
  );

codes
  .command('export')
  .argument('<project>')
  .requiredOption('--out <file>', 'file to write')
  .option('--format <format>', 'csv or md (Markdown)', 'csv')
  .option('--lang <lang>', 'labels of the Markdown file: en or id', 'en')
  .description('write the codebook (hierarchy, colours, definitions, criteria, examples) as CSV or Markdown')
  .action(
    withProject(async (options: { out: string; format: string; lang: string }) => {
      const { content } = await run('codebook.export', { format: options.format, lang: options.lang });
      writeAtomically(options.out, content);
      out(`Wrote ${options.out}`);
    }),
  );

codes
  .command('import')
  .argument('<project>')
  .argument('<file>', 'a codebook as CSV (a "path" column) or Markdown, as `codes export` writes them')
  .description('add the codes of a codebook file; codes with the same path take its colour and guidance')
  .action(
    withProject(async (file: string) => {
      const result = await run('codebook.import', { fileName: path.basename(file), content: readInputFile(file) });
      out(`Imported ${file}: ${result.created} codes created, ${result.updated} updated`);
    }),
  );

codes
  .command('template')
  .argument('<project>')
  .option('--lang <lang>', 'id or en', 'id')
  .description('add the starter codebook of the Kupang gig-work study (themes with definitions and criteria)')
  .action(
    withProject(async (options: { lang: string }) => {
      const result = await run('codebook.addStarter', { lang: options.lang });
      out(`Starter codebook: ${result.created} codes created, ${result.updated} updated`);
    }),
  );

program
  .command('code')
  .argument('<project>')
  .argument('<document>', 'document name')
  .argument('<code>', 'code name or path')
  .requiredOption('--start <n>', 'first code point (from 0)')
  .requiredOption('--end <n>', 'code point after the last one')
  .option('--memo <text>')
  .option('--coder <name>', 'coder (default: the project’s current coder)')
  .description('code a passage of a document')
  .action(
    withProject(async (documentName: string, codeName: string, options: { start: string; end: string; memo?: string; coder?: string }) => {
      const document = findDocument(await run('documents.list', {}), documentName);
      const code = findCode(await run('codes.list', {}), codeName);
      const coding = await run('codings.create', {
        documentId: document.id,
        codeId: code.id,
        start: parsePosition('--start', options.start),
        end: parsePosition('--end', options.end),
        memo: options.memo,
        coder: options.coder,
      });
      out(`Coded ${document.name} ${coding.start}–${coding.end} as ${code.name}`);
    }),
  );

program
  .command('list')
  .argument('<project>')
  .argument('<what>', 'documents, codes, codings, cases or speakers')
  .option('--json', 'print JSON')
  .description('list documents, codes, codings or cases')
  .action(
    withProject(async (what: string, options: { json?: boolean }) => {
      const rows = await listing(what);
      if (options.json) json(rows);
      else for (const row of rows) out(Object.values(row).map(cell).join('\t'));
    }),
  );

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\s+/g, ' ');
}

async function listing(what: string): Promise<Record<string, unknown>[]> {
  switch (what) {
    case 'documents': {
      const cases = await run('cases.list', {});
      const speakers = await run('speakers.list', {});
      return (await run('documents.list', {})).map((d) => ({
        name: d.name,
        source: d.sourceName,
        format: d.format,
        length: d.length,
        codings: d.codingCount,
        imported_at: d.importedAt,
        hash: d.contentHash,
        details: d.importDetails,
        cases: cases.filter((c) => c.documents.includes(d.name)).map((c) => c.name),
        speakers: speakers
          .filter((s) => s.documents.includes(d.name))
          .map((s) => ({ name: s.name, role: s.isInterviewer ? 'interviewer' : 'participant', case: s.caseName })),
      }));
    }
    case 'speakers':
      return (await run('speakers.list', {})).map((s) => ({
        name: s.name,
        role: s.isInterviewer ? 'interviewer' : 'participant',
        case: s.caseName,
        turns: s.turnCount,
        documents: s.documents,
      }));
    case 'codes': {
      const all = await run('codes.list', {});
      return all.map((c) => ({
        name: c.name,
        path: codePath(all, c),
        parent: c.parentId === null ? null : all.find((p) => p.id === c.parentId)!.name,
        color: c.color,
        codings: c.codingCount,
        documents: c.documentCount,
        cases: c.caseCount,
        description: c.description,
        inclusion: c.inclusion,
        exclusion: c.exclusion,
        example: c.example,
        atypical: c.atypical,
      }));
    }
    case 'codings':
      return (await run('codings.rows', {})).map((r) => ({
        document: r.document,
        code: r.code,
        start: r.start,
        end: r.end,
        text: r.text,
        coder: r.coder,
        created_at: r.createdAt,
        memo: r.memo,
        speaker: r.speaker,
        timestamp: r.timestamp,
      }));
    case 'cases':
      return (await run('cases.list', {})).map((c) => ({ name: c.name, attributes: c.attributes, documents: c.documents }));
    default:
      throw new AppError('validation', { op: 'list', detail: `“${what}” is not one of documents, codes, codings, cases, speakers` });
  }
}

program
  .command('cooccurrence')
  .argument('<project>')
  .option('--rule <rule>', 'overlap (default), near:N (within N characters), turn, document or case', 'overlap')
  .option('--where <attribute=value>', 'only codings of cases with this attribute value (repeatable)', collect, [])
  .option('--json', 'print JSON: [{"a", "b", "count", "c", "rule", "n1", "n2", "uneven"}]')
  .option('--csv', 'print CSV with the same columns')
  .description('code pairs that co-occur under a rule, with counts and the c-coefficient c = n12 / (n1 + n2 − n12)')
  .action(
    withProject(async (options: { rule: string; where: string[]; json?: boolean; csv?: boolean }) => {
      const pairs = await run('analysis.cooccurrence', { rule: options.rule, where: parseWhere(options.where) });
      const rows = pairs.map(({ a, b, count, c, rule, n1, n2, uneven }) => ({ a, b, count, c, rule, n1, n2, uneven }));
      if (options.json) json(rows);
      else if (options.csv) out(toCsv(rows));
      else {
        out(`# ${ruleText(options.rule)}`);
        for (const p of rows) out(`${p.a}\t${p.b}\t${p.count}\t${p.c}${p.uneven ? '\t(uneven)' : ''}`);
      }
    }),
  );

program
  .command('frequencies')
  .argument('<project>')
  .option('--by <attribute>', 'a crosstab of codes × the values of this case attribute (cases, codings, column %)')
  .option('--where <attribute=value>', 'only codings of cases with this attribute value (repeatable)', collect, [])
  .option('--json', 'print JSON: [{"code", "path", "codings", "documents", "cases"}], or with --by [{"code", "path", "value", "cases", "codings", "percent"}]')
  .option('--csv', 'print CSV with the same columns')
  .description('how often each code occurs: codings, documents and cases')
  .action(
    withProject(async (options: { by?: string; where: string[]; json?: boolean; csv?: boolean }) => {
      const table = await run('analysis.frequencies', { by: options.by, where: parseWhere(options.where) });
      const rows = table.crosstab
        ? table.crosstab.cells.map(({ code, path: codePath, value, cases, codings, percent }) => ({ code, path: codePath, value, cases, codings, percent }))
        : table.codes.map(({ code, path: codePath, codings, documents, cases }) => ({ code, path: codePath, codings, documents, cases }));
      printRows(rows, options);
    }),
  );

program
  .command('matrix')
  .argument('<project>')
  .option('--rows <rows>', 'what the rows are: codes', 'codes')
  .requiredOption('--cols <cols>', '"cases", or a case attribute whose values become the columns')
  .option('--binary', '1 where the code occurs, 0 where it does not, instead of codings')
  .option('--where <attribute=value>', 'only codings of cases with this attribute value (repeatable)', collect, [])
  .option('--json', 'print JSON: {"columns": [...], "rows": [{"code", "path", "values": [...]}]}')
  .option('--csv', 'print CSV: code, path, then one column per case or value')
  .description('codings per code and case (or attribute value)')
  .action(
    withProject(async (options: { rows: string; cols: string; binary?: boolean; where: string[]; json?: boolean; csv?: boolean }) => {
      if (options.rows !== 'codes') throw new AppError('validation', { op: 'matrix', detail: '--rows takes codes' });
      const matrix = await run('analysis.matrix', { cols: options.cols, binary: options.binary, where: parseWhere(options.where) });
      if (options.json) return void json({ columns: matrix.columns, rows: matrix.rows.map(({ code, path: codePath, values }) => ({ code, path: codePath, values })) });
      const rows = matrix.rows.map((r) => ({ code: r.code, path: r.path, ...Object.fromEntries(matrix.columns.map((c, i) => [c, r.values[i]!])) }));
      printRows(rows, options, ['code', 'path', ...matrix.columns]);
    }),
  );

program
  .command('words')
  .argument('<project>')
  .option('--lang <lang>', 'stem and drop stop words as id or en; by default each document’s language is guessed')
  .option('--code <code>', 'count only the passages of this code (name or path)')
  .option('--top <n>', 'only the N most frequent', '50')
  .option('--with-interviewer', 'count interviewer turns too')
  .option('--where <attribute=value>', 'only documents or codings of cases with this attribute value (repeatable)', collect, [])
  .option('--json', 'print JSON: [{"word", "stem", "count", "documents", "forms": [{"form", "count"}]}]')
  .option('--csv', 'print CSV: word, stem, count, documents, forms')
  .description('word frequencies by stem, without stop words (Bahasa Indonesia and English)')
  .action(
    withProject(async (options: { lang?: string; code?: string; top: string; withInterviewer?: boolean; where: string[]; json?: boolean; csv?: boolean }) => {
      const codeId = options.code ? findCode(await run('codes.list', {}), options.code).id : undefined;
      const words = await run('analysis.words', {
        lang: options.lang,
        codeId,
        top: parsePosition('--top', options.top),
        includeInterviewer: options.withInterviewer === true,
        where: parseWhere(options.where),
      });
      if (options.json) return void json(words);
      printRows(
        words.map((w) => ({ word: w.word, stem: w.stem, count: w.count, documents: w.documents, forms: w.forms.map((f) => `${f.form} (${f.count})`).join('; ') })),
        options,
        ['word', 'stem', 'count', 'documents', 'forms'],
      );
    }),
  );

program
  .command('report')
  .argument('<project>')
  .requiredOption('--themes <codes>', 'comma-separated codes (names or paths); each with everything under it')
  .option('--by <attribute>', 'show each theme per value of this case attribute, e.g. generation')
  .option('--lang <lang>', 'language of the chapter: en or id', 'en')
  .requiredOption('--format <format>', 'md, html or docx')
  .requiredOption('--out <file>', 'file to write')
  .option('--title <title>', 'title of the chapter')
  .option('--reliability <coders>', 'add a section on coding reliability comparing these coders (comma-separated)')
  .option('--reliability-unit <unit>', 'the unit of that comparison', 'sentence')
  .description('write a thematic summary for a thesis chapter: definitions, frequencies per group, co-occurring codes and cited quotes')
  .action(
    withProject(async (options: { themes: string; by?: string; lang: string; format: string; out: string; title?: string; reliability?: string; reliabilityUnit: string }) => {
      const codes = await run('codes.list', {});
      const themes = options.themes
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
        .map((name) => findCode(codes, name).id);
      const reliability = options.reliability ? { coders: options.reliability.split(',').map((c) => c.trim()).filter(Boolean), unit: options.reliabilityUnit } : undefined;
      const report = await run('report.build', { themes, by: options.by, lang: options.lang, format: options.format, title: options.title, reliability });
      writeAtomically(options.out, report.encoding === 'base64' ? Buffer.from(report.content, 'base64') : report.content);
      out(`Wrote ${options.out}`);
    }),
  );

program
  .command('search')
  .argument('<project>')
  .argument('<terms...>', 'words to find; every word must occur in a document, in any inflected form')
  .option('--lang <lang>', 'stem as id (Bahasa Indonesia) or en (English); both when omitted')
  .option('--limit <n>', 'at most this many hits', '10000')
  .option('--json', 'print JSON: [{"document", "start", "end", "text", "context"}]')
  .description('stemmed full-text search with keyword in context (pendapatannya and berpendapatan both find pendapatan)')
  .action(
    withProject(async (terms: string[], options: { lang?: string; limit: string; json?: boolean }) => {
      const hits = await run('search.text', { terms: terms.join(' '), lang: options.lang, limit: parsePosition('--limit', options.limit) });
      if (options.json) json(hits.map(({ document, start, end, text, context }) => ({ document, start, end, text, context })));
      else for (const h of hits) out(`${h.document}\t${h.start}–${h.end}\t${h.context}`);
    }),
  );

program
  .command('query')
  .argument('<project>')
  .argument('<expression>', 'code names (double-quoted when they contain spaces) with AND, OR, NOT, NEAR/N and parentheses')
  .option('--json', 'print JSON: [{"document", "start", "end", "text"}]')
  .description('passages that match a boolean code query: AND = the overlapping part, OR = either, NOT = the first without the second, NEAR/N = passages of both within N characters')
  .action(
    withProject(async (expression: string, options: { json?: boolean }) => {
      const passages = await run('analysis.query', { expression });
      if (options.json) json(passages.map(({ document, start, end, text }) => ({ document, start, end, text })));
      else for (const p of passages) out(`${p.document}\t${p.start}–${p.end}\t${p.text.replace(/\s+/g, ' ')}`);
    }),
  );

const exporter = program.command('export').description('export data');
exporter
  .command('csv')
  .argument('<project>')
  .requiredOption('--out <dir>', 'folder to write into (created if missing)')
  .option('--excel', 'for Excel: UTF-8 with a byte-order mark, ";" between fields and decimal commas')
  .option('--delimiter <char>', 'field delimiter: "," or ";"')
  .option('--rule <rule>', 'co-occurrence rule of cooccurrence.csv: overlap, near:N, turn, document or case', 'overlap')
  .description(
    'write the mixed-methods dataset: codings.csv (document, code, start, end, text, coder, created_at, memo, speaker, timestamp), codings-with-cases.csv (plus case, code path and every case attribute), cases.csv, code-frequencies.csv, code-case-counts.csv, code-case-presence.csv, code-by-ATTRIBUTE.csv, cooccurrence.csv, words.csv, codebook.csv',
  )
  .action(
    withProject(async (options: { out: string; excel?: boolean; delimiter?: string; rule: string }) => {
      if (options.delimiter !== undefined && options.delimiter !== ',' && options.delimiter !== ';') {
        throw new AppError('validation', { op: '--delimiter', detail: 'use "," or ";"' });
      }
      fs.mkdirSync(options.out, { recursive: true });
      for (const name of await run('export.datasetFiles', {})) {
        const { content } = await run('export.datasetFile', { name, excel: options.excel === true, delimiter: options.delimiter, rule: options.rule });
        const file = path.join(options.out, name);
        writeAtomically(file, content);
        out(`Wrote ${file}`);
      }
    }),
  );

program
  .command('coder')
  .argument('<project>')
  .argument('[name]', 'set the current coder to this name')
  .description('show or set the project’s current coder')
  .action(
    withProject(async (name?: string) => {
      const info = name ? await run('coder.set', { name }) : await run('app.info', {}).then((i) => i.project!);
      out(info.currentCoder ?? '');
    }),
  );

/** Rows as JSON, CSV, or tab-separated lines under a header. */
function printRows(rows: Record<string, string | number | boolean>[], options: { json?: boolean; csv?: boolean }, fields: string[] = Object.keys(rows[0] ?? {})): void {
  if (options.json) json(rows);
  else if (options.csv) out(toCsv(rows, {}, fields));
  else {
    out(fields.join('\t'));
    for (const row of rows) out(fields.map((f) => String(row[f] ?? '')).join('\t'));
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--where generation=Gen Z` flags as one attribute filter. */
function parseWhere(pairs: readonly string[]): Record<string, string> {
  const where: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new AppError('validation', { op: '--where', detail: `“${pair}” is not ATTRIBUTE=VALUE` });
    where[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return where;
}

function ruleText(rule: string): string {
  const parsed = parseRule(rule);
  if (!parsed) throw new AppError('validation', { op: '--rule', detail: `“${rule}” is not overlap, near:N, turn, document or case` });
  return interpolate(catalogs[language].cooccurrence.rules[parsed.kind], { distance: parsed.kind === 'near' ? parsed.distance : 0 });
}

const runTask = <K extends TaskOp>(op: K, input: Record<string, unknown>) => runAsTask(run, op, input, language);
const shell = { run, runTask, out, json, withProject, withoutProject, readInputFile };
registerTeamCommands(program, shell);
registerExchangeExports(exporter, shell);
registerSafetyCommands(program, shell);

await program.parseAsync(process.argv);
