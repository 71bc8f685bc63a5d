/**
 * The one API contract. Every operation the UI, the CLI and the HTTP server can
 * ask of the core is an entry here: its input schema (validated by the single
 * dispatcher before any handler runs), its result type, and which topics of
 * server state it reads or changes (the renderer's query cache invalidates by
 * these, so no component ever refreshes by hand).
 *
 * Adding an operation = one entry here + one handler in electron/core/handlers.
 */
import { z } from 'zod';
import { parseRule } from '../analysis/cooccurrence';
import type { WordCount } from '../analysis/wordCounts';
import type { StopwordChanges } from '../text/stopwords';
import type { AgreementReport } from '../reliability/codingAgreement';
import type { MergeSummary } from '../model/interchange';
import { exportTargets } from '../exchange/qdeWriter';
import type { DisagreementPassage } from '../reliability/disagreements';
import { levels, metrics, type ReliabilityResult } from '../reliability/metrics';
import { agreementUnits } from '../reliability/units';
import type {
  AppInfo,
  Case,
  Code,
  Coding,
  CodingRow,
  CooccurrencePair,
  DocumentFull,
  DocumentSummary,
  ImportOutcome,
  Passage,
  ProjectInfo,
  RetrievedPassage,
  SearchHit,
  Speaker,
  SurveyPreview,
  Turn,
  CodingSpan,
} from '../model/types';

/** What undoing a merge needs: the source code, the codings moved and collapsed, the sub-codes moved. */
export interface MergeUndo {
  source: Code;
  moved: number[];
  collapsed: Coding[];
  children: number[];
  /** Target codings that took over a key-quote mark from a collapsed duplicate. */
  marked: number[];
}

/** Slices of server state; reads declare what they depend on, writes what they change. */
/** `tasks` is the long operations running now (see OpSpec.task), not part of any project. */
export type Topic = 'app' | 'documents' | 'codes' | 'codings' | 'cases' | 'speakers' | 'tasks';

interface OpSpec<I extends z.ZodType, R> {
  input: I;
  /** Phantom: carries the result type only. */
  result: R;
  /** Write operations run inside one transaction and invalidate these topics. */
  touches: readonly Topic[];
  /** Read operations are cached under these topics. */
  reads: readonly Topic[];
  /** False for the few operations that work without an open project. */
  needsProject: boolean;
  /**
   * The result's field that holds a whole file (an export) as its bytes:
   * browser mode sends them as the response body, as they are written, and
   * the rest of the result in a header, so that neither end encodes or parses
   * 25 MB of JSON, nor decodes a file only to encode it again.
   */
  body?: string;
  /** A long operation, run as a task: its input may name one (`task`), which `task.progress` and `task.cancel` find while it runs. */
  task?: true;
}

/** The bytes of a file an operation hands back (see OpSpec.body). */
export type FileBytes = Uint8Array;

/** What a task is doing: reading the project, writing its files, compressing them, or writing one file of several (named in `detail`). */
export type TaskStep = 'read' | 'write' | 'compress' | 'file';

export interface TaskProgress {
  step: TaskStep;
  done: number;
  total: number;
  detail: string;
}

function read<R>() {
  return <I extends z.ZodType>(input: I, reads: readonly Topic[], needsProject = true): OpSpec<I, R> => ({
    input,
    result: undefined as R,
    touches: [],
    reads,
    needsProject,
  });
}

/** A read whose result carries a file's bytes in the field `body` (see OpSpec.body). */
function readFile<R>() {
  return <F extends keyof R & string, I extends z.ZodType>(body: F, input: I, reads: readonly Topic[]): OpSpec<I, R> & { body: F } => ({ ...read<R>()(input, reads), body });
}

/** The id a caller gives a task of its own (see OpSpec.task). */
const taskId = z.string().min(1).max(100);

/** A long read whose result carries a file's bytes: run as a task, its input takes `task` besides the fields given. */
function taskFile<R>() {
  return <F extends keyof R & string, S extends z.ZodRawShape>(body: F, shape: S, reads: readonly Topic[]) => ({
    ...readFile<R>()(body, z.strictObject({ ...shape, task: taskId.optional() }), reads),
    task: true as const,
  });
}

function write<R>() {
  return <I extends z.ZodType>(input: I, touches: readonly Topic[], needsProject = true): OpSpec<I, R> => ({
    input,
    result: undefined as R,
    touches,
    reads: [],
    needsProject,
  });
}

const id = z.number().int().positive();
const position = z.number().int().nonnegative();
const name = z.string().trim().min(1).max(200);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #RRGGBB');
const longText = z.string().max(20_000);
const empty = z.strictObject({});
/** A file the renderer read: its bytes as they are (browser and IPC) or base64-encoded (JSON clients, scripts). */
const upload = z.union([
  z.strictObject({ fileName: z.string().min(1).max(500), bytes: z.instanceof(Uint8Array) }),
  z.strictObject({ fileName: z.string().min(1).max(500), base64: z.string() }),
]);
/** Which passages of a code retrieval shows. */
const retrieveFilter = {
  codeId: id,
  /** Case attributes the passage's case must have, e.g. { generation: 'Gen Z' }. */
  where: z.record(z.string().min(1), z.string()).optional(),
  coder: z.string().min(1).optional(),
  documentId: id.optional(),
};
/** A co-occurrence rule as the CLI writes it: overlap, near:N, turn, document or case. */
const rule = z.string().refine((text) => parseRule(text) !== null, { message: 'rule must be overlap, near:N, turn, document or case' });

/** Which codings an analysis looks at (see shared/analysis/subset.ts). */
const subset = {
  where: z.record(z.string().min(1), z.string()).optional(),
  documentIds: z.array(id).optional(),
  coder: z.string().min(1).optional(),
  codeIds: z.array(id).optional(),
};

const guidanceRecord = z.strictObject({
  id,
  color,
  description: longText,
  inclusion: longText,
  exclusion: longText,
  example: longText,
  atypical: longText,
});

export interface RetrievedPair {
  codingId: number;
  code: string;
  document: string;
  documentId: number;
  start: number;
  end: number;
  text: string;
}

/** What a REFI-QDA import brought in, what it found already there, and what it left out with the reason. */
export interface ExchangeImport extends MergeSummary {
  file: string;
  kind: 'qdpx' | 'qdc';
  producer: string;
  memos: number;
  skipped: { kind: string; name: string; reason: string }[];
  /** Per document, how its positions were read, and whether the producer's own unit had to be replaced. */
  offsets: { document: string; reading: string; switched: boolean; checked: number; matched: number }[];
}

export interface CheckResult {
  ok: boolean;
  integrity: string;
  foreign_keys: { table: string; rowid: number | null; parent: string }[];
  schema_version: number | null;
}

export interface BackupInfo {
  file: string;
  path: string;
  kind: 'manual' | 'auto' | 'open' | 'before-restore';
  at: string;
  bytes: number;
  /** What the project holds now compared with the backup (positive: added since). */
  since: { documents: number; codes: number; codings: number } | null;
}

export interface BackupSettings {
  everyMinutes: number;
  keep: number;
  folder: string | null;
}

export interface TrashItem {
  id: number;
  kind: 'code' | 'document';
  name: string;
  deletedAt: string;
  codes: number;
  documents: number;
  codings: number;
}

/** One change in the audit trail. */
export interface AuditEntry {
  id: number;
  at: string;
  coder: string;
  op: string;
  input: string;
  documentId: number | null;
  codeId: number | null;
}

/** A passage where coders differ, with its text and what the team noted about it. */
export interface Disagreement extends DisagreementPassage {
  document: string;
  code: string;
  text: string;
  discussed: boolean;
  memo: string;
}

export interface AgreementNote {
  documentId: number;
  codeId: number;
  start: number;
  end: number;
  discussed: boolean;
  memo: string;
}

export interface FrequencyTable {
  /** Every code of the codebook, in tree order, zeros included. */
  codes: { codeId: number; code: string; path: string; codings: number; documents: number; cases: number }[];
  crosstab?: {
    attribute: string;
    values: { value: string; cases: number }[];
    cells: { codeId: number; code: string; path: string; value: string; cases: number; codings: number; percent: number }[];
  };
}

export interface CodeMatrix {
  columns: string[];
  rows: { codeId: number; code: string; path: string; values: number[] }[];
}

/** What a codebook import did, with what undo and redo need. */
export interface CodebookImport {
  created: number;
  updated: number;
  createdCodes: Code[];
  /** The updated codes before and after. */
  before: Code[];
  after: Code[];
}

const codeRecord = z.object({
  id,
  uuid: z.string().min(1),
  name,
  parentId: id.nullable(),
  color,
  description: longText,
  inclusion: longText,
  exclusion: longText,
  example: longText,
  atypical: longText,
  // Projects written before code memos existed have none to restore.
  memo: longText.default(''),
  position: z.number().int(),
});
const codingRecord = z.object({
  id,
  uuid: z.string().min(1),
  documentId: id,
  codeId: id,
  start: position,
  end: position,
  coder: name,
  createdAt: z.string().min(1),
  memo: z.string().nullable(),
  // Optional so that undo steps written before key quotes existed still apply.
  keyQuote: z.boolean().default(false),
});
const surveyOptions = z.strictObject({
  idColumn: z.string().min(1).optional(),
  textColumns: z.array(z.string().min(1)).min(1).optional(),
  attributeColumns: z.array(z.string().min(1)).optional(),
});

export const codeFields = {
  name,
  parentId: id.nullable().optional(),
  color: color.optional(),
  description: longText.optional(),
  inclusion: longText.optional(),
  exclusion: longText.optional(),
  example: longText.optional(),
  atypical: longText.optional(),
};

/** How the dataset's CSV files are written: Excel's conventions, the delimiter, the co-occurrence rule. */
const datasetOptions = { excel: z.boolean().optional(), delimiter: z.enum([',', ';']).optional(), rule: rule.optional() };
const datasetReads: readonly Topic[] = ['codings', 'codes', 'documents', 'cases', 'speakers', 'app'];

export const contract = {
  'app.info': read<AppInfo>()(empty, ['app'], false),

  /** A new project, optionally starting from the starter codebook or a codebook file exported from another project. */
  'project.create': write<ProjectInfo>()(
    z.strictObject({
      path: z.string().min(1),
      codebook: z.union([z.strictObject({ starter: z.enum(['en', 'id']) }), z.strictObject({ fileName: z.string().min(1).max(500), content: z.string().max(20_000_000) })]).optional(),
    }),
    ['app', 'documents', 'codes', 'codings', 'cases'],
    false,
  ),
  'project.open': write<ProjectInfo>()(z.strictObject({ path: z.string().min(1), readOnly: z.boolean().optional() }), ['app', 'documents', 'codes', 'codings', 'cases'], false),
  'project.openSample': write<ProjectInfo>()(
    z.strictObject({ path: z.string().min(1).optional(), lang: z.enum(['en', 'id']).optional() }),
    ['app', 'documents', 'codes', 'codings', 'cases'],
    false,
  ),
  'project.close': write<null>()(empty, ['app', 'documents', 'codes', 'codings', 'cases'], false),
  'coder.set': write<ProjectInfo>()(z.strictObject({ name }), ['app']),
  /** Integrity and foreign-key checks with the schema version: of the open project, or of a file (read without changing it). */
  'project.check': read<CheckResult>()(z.strictObject({ path: z.string().min(1).optional() }), ['app'], false),
  /** A verified backup now: into the backup folder, or to `out`. */
  'project.backup': read<BackupInfo>()(z.strictObject({ out: z.string().min(1).optional() }), ['app']),
  'project.backups': read<BackupInfo[]>()(empty, ['app', 'documents', 'codes', 'codings']),
  /** Puts a backup in the project's place, keeping the current file as a backup first. */
  'project.restore': write<ProjectInfo>()(z.strictObject({ backup: z.string().min(1) }), ['app', 'documents', 'codes', 'codings', 'cases', 'speakers']),
  /** Puts a backup in place of a project that is not open (a damaged one, say), keeping what was there first; then opens it. */
  'project.restoreFile': write<ProjectInfo>()(z.strictObject({ path: z.string().min(1), backup: z.string().min(1) }), ['app', 'documents', 'codes', 'codings', 'cases', 'speakers'], false),
  'project.backupSettings': read<BackupSettings>()(empty, ['app']),
  'project.setBackupSettings': write<BackupSettings>()(
    z.strictObject({ everyMinutes: z.number().int().min(1).max(24 * 60), keep: z.number().int().min(1).max(1000), folder: z.string().min(1).nullable() }),
    ['app'],
  ),
  /** Deleted codes and documents (with their codings) that can be put back. */
  'trash.list': read<TrashItem[]>()(empty, ['app', 'codes', 'documents', 'codings']),
  /** Puts a deleted code or document back, with its codings, by identity: nothing already there is duplicated. */
  'trash.restore': write<MergeSummary>()(z.strictObject({ id }), ['app', 'documents', 'codes', 'codings', 'cases', 'speakers']),
  'trash.empty': write<{ removed: number }>()(z.strictObject({ ids: z.array(id).optional() }), ['app']),
  /** The audit trail, newest first, filtered by time, coder, document, code or operation. */
  'audit.list': read<{ total: number; entries: AuditEntry[] }>()(
    z.strictObject({
      since: z.string().min(1).optional(),
      coder: z.string().min(1).optional(),
      documentId: id.optional(),
      codeId: id.optional(),
      op: z.string().min(1).optional(),
      limit: z.number().int().positive().max(1_000_000).optional(),
    }),
    ['app', 'documents', 'codes', 'codings', 'cases', 'speakers'],
  ),

  'documents.list': read<DocumentSummary[]>()(empty, ['documents', 'codings']),
  'documents.get': read<DocumentFull>()(z.strictObject({ id }), ['documents']),
  'documents.scanPaths': read<{ files: string[]; missing: string[] }>()(z.strictObject({ paths: z.array(z.string().min(1)).min(1) }), ['documents']),
  'documents.importFiles': write<ImportOutcome[]>()(
    z.strictObject({ paths: z.array(z.string().min(1)).min(1), survey: surveyOptions.optional() }),
    ['documents', 'cases', 'codes', 'codings', 'speakers'],
  ),
  'documents.importUploads': write<ImportOutcome[]>()(
    z.strictObject({ files: z.array(upload).min(1), survey: surveyOptions.optional() }),
    ['documents', 'cases', 'codes', 'codings', 'speakers'],
  ),
  'documents.previewSurvey': read<SurveyPreview>()(z.strictObject({ path: z.string().min(1).optional(), upload: upload.optional() }), ['documents']),
  'documents.turns': read<Turn[]>()(z.strictObject({ documentId: id }), ['documents', 'speakers']),
  'documents.rename': write<DocumentSummary>()(z.strictObject({ id, name }), ['documents', 'codings']),
  'documents.setMemo': write<{ memo: string; previous: string }>()(z.strictObject({ id, memo: longText }), ['documents']),
  'documents.delete': write<{ deletedCodings: number }>()(z.strictObject({ id }), ['documents', 'codings', 'cases', 'speakers']),

  'codes.list': read<Code[]>()(empty, ['codes', 'codings']),
  'codes.create': write<Code>()(z.strictObject(codeFields), ['codes']),
  'codes.update': write<{ code: Code; previous: Code }>()(
    z.strictObject({
      id,
      name: name.optional(),
      parentId: id.nullable().optional(),
      color: color.optional(),
      description: longText.optional(),
      inclusion: longText.optional(),
      exclusion: longText.optional(),
      example: longText.optional(),
      atypical: longText.optional(),
      memo: longText.optional(),
    }),
    ['codes', 'codings'],
  ),
  'codes.usage': read<{ codings: number; documents: number; children: number }>()(z.strictObject({ id }), ['codes', 'codings']),
  'codes.merge': write<{ moved: number; collapsed: number; target: Code; undo: MergeUndo }>()(z.strictObject({ sourceId: id, targetId: id }), ['codes', 'codings']),
  'codes.delete': write<{ deletedCodings: number; deletedCodes: number; removed: { codes: Code[]; codings: Coding[] } }>()(z.strictObject({ id }), ['codes', 'codings']),
  /** Put back codes exactly as they were (same ids), parents before children: undo and redo use it. */
  'codes.restore': write<null>()(z.strictObject({ codes: z.array(codeRecord).min(1) }), ['codes', 'codings']),
  /** Deletes codes (with their sub-codes and codings); ids already gone are skipped. Undo of a codebook import uses it. */
  'codes.deleteMany': write<null>()(z.strictObject({ ids: z.array(id) }), ['codes', 'codings']),
  /** Sets the colour and guidance of many codes at once. Undo and redo of a codebook import use it. */
  'codes.setGuidance': write<null>()(z.strictObject({ codes: z.array(guidanceRecord) }), ['codes']),
  /** A copy of the code (guidance and every coding) under a new name beside it, to be divided by hand. */
  'codes.split': write<{ code: Code; codings: Coding[] }>()(z.strictObject({ id, name }), ['codes', 'codings', 'documents']),
  /** Moves codes under another code (or to the top); the result says where each was before. */
  'codes.reparent': write<{ moved: { id: number; parentId: number | null }[] }>()(z.strictObject({ ids: z.array(id), parentId: id.nullable() }), ['codes']),

  'codebook.export': read<{ fileName: string; content: string }>()(z.strictObject({ format: z.enum(['csv', 'md']), lang: z.enum(['en', 'id']).optional() }), ['codes']),
  /** Codes are matched by path: missing ones are created, existing ones take the file's colour and guidance. */
  'codebook.import': write<CodebookImport>()(z.strictObject({ fileName: z.string().min(1).max(500), content: z.string().max(20_000_000) }), ['codes']),
  'codebook.addStarter': write<CodebookImport>()(z.strictObject({ lang: z.enum(['en', 'id']) }), ['codes']),

  'codings.list': read<Coding[]>()(z.strictObject({ documentId: id.optional() }), ['codings']),
  'codings.spans': read<CodingSpan[]>()(z.strictObject({ documentId: id }), ['codings']),
  'codings.rows': read<CodingRow[]>()(z.strictObject({ documentId: id.optional(), codeId: id.optional() }), ['codings', 'codes', 'documents']),
  'codings.create': write<Coding>()(
    z
      .strictObject({
        documentId: id,
        codeId: id,
        start: position,
        end: position,
        memo: longText.optional(),
        coder: name.optional(),
      })
      .refine((v) => v.end > v.start, { message: 'end must be greater than start', path: ['end'] }),
    ['codings', 'documents'],
  ),
  /** One passage coded with several codes at once (those it already has from this coder are left as they are). */
  'codings.apply': write<{ codings: Coding[] }>()(
    z
      .strictObject({ documentId: id, start: position, end: position, codeIds: z.array(id).min(1).max(100), coder: name.optional() })
      .refine((v) => v.end > v.start, { message: 'end must be greater than start', path: ['end'] }),
    ['codings', 'documents'],
  ),
  'codings.inVivo': write<{ coding: Coding; code: Code; codeCreated: boolean }>()(
    z.strictObject({ documentId: id, start: position, end: position }).refine((v) => v.end > v.start, { message: 'end must be greater than start', path: ['end'] }),
    ['codings', 'codes', 'documents'],
  ),
  'codings.createMany': write<{ created: number; codings: Coding[] }>()(
    z.strictObject({
      codeId: id,
      passages: z.array(z.strictObject({ documentId: id, start: position, end: position })).min(1).max(100_000),
    }),
    ['codings', 'documents'],
  ),
  /** Change a coding's code, range or memo; omitted fields stay as they are. */
  'codings.update': write<{ coding: Coding; previous: Coding }>()(
    z.strictObject({ id, codeId: id.optional(), start: position.optional(), end: position.optional(), memo: longText.nullable().optional(), keyQuote: z.boolean().optional() }),
    ['codings', 'documents'],
  ),
  'codings.delete': write<Coding>()(z.strictObject({ id }), ['codings', 'documents']),
  'codings.deleteMany': write<{ deleted: number }>()(z.strictObject({ ids: z.array(id) }), ['codings', 'documents']),
  /** Put back codings exactly as they were (same ids, coders, times): undo and redo use it. */
  'codings.restore': write<null>()(z.strictObject({ codings: z.array(codingRecord).min(1) }), ['codings', 'documents']),
  'codings.recode': write<null>()(z.strictObject({ ids: z.array(id), codeId: id }), ['codings', 'codes']),

  /** Several operations as one step, in one transaction: how an undo or a redo is applied. */
  'history.apply': write<null>()(
    z.strictObject({ steps: z.array(z.strictObject({ op: z.string(), input: z.unknown() })).min(1).max(10) }),
    ['documents', 'codes', 'codings', 'cases', 'speakers'],
  ),

  'cases.list': read<Case[]>()(empty, ['cases']),
  'coders.list': read<string[]>()(empty, ['codings', 'app']),
  'cases.create': write<Case>()(
    z.strictObject({
      name,
      attributes: z.record(z.string().trim().min(1).max(200), z.string().max(2000)).optional(),
      documentIds: z.array(id).optional(),
    }),
    ['cases'],
  ),

  'cases.update': write<Case>()(
    z.strictObject({
      id,
      name: name.optional(),
      /** A null value removes the attribute. */
      attributes: z.record(z.string().trim().min(1).max(200), z.string().max(2000).nullable()).optional(),
    }),
    ['cases', 'speakers'],
  ),

  'speakers.list': read<Speaker[]>()(empty, ['speakers', 'cases']),
  'speakers.update': write<Speaker>()(
    z.strictObject({ id, name: name.optional(), isInterviewer: z.boolean().optional(), caseName: name.nullable().optional() }),
    ['speakers', 'cases', 'documents'],
  ),
  'speakers.merge': write<Speaker>()(z.strictObject({ sourceId: id, targetId: id }), ['speakers', 'cases', 'documents']),

  'search.text': read<SearchHit[]>()(
    z.strictObject({ terms: z.string().max(1000), lang: z.enum(['id', 'en']).optional(), limit: z.number().int().positive().max(100_000).optional() }),
    ['documents'],
  ),
  'analysis.retrieve': read<RetrievedPassage[]>()(z.strictObject(retrieveFilter), ['codings', 'codes', 'documents', 'cases', 'speakers']),
  /** A window of the same passages, for a list drawn as it scrolls: `limit` of them from `offset`, and how many there are in all. */
  'analysis.retrieveWindow': read<{ total: number; passages: RetrievedPassage[] }>()(
    z.strictObject({ ...retrieveFilter, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    ['codings', 'codes', 'documents', 'cases', 'speakers'],
  ),
  'analysis.query': read<Passage[]>()(z.strictObject({ expression: z.string().max(5000) }), ['codings', 'codes', 'documents']),
  'analysis.saveQueryAsCode': write<{ code: Code; codings: number; created: Coding[] }>()(z.strictObject({ expression: z.string().max(5000), name }), ['codes', 'codings', 'documents']),
  /** Codings, documents and cases per code; with `by`, a crosstab of codes × values of that case attribute. */
  'analysis.frequencies': read<FrequencyTable>()(z.strictObject({ by: z.string().min(1).optional(), ...subset }), ['codings', 'codes', 'cases', 'speakers', 'documents']),
  /** Codings per code and case (`cols: "cases"`) or per value of a case attribute; `binary` gives 0/1 presence. */
  'analysis.matrix': read<CodeMatrix>()(
    z.strictObject({ cols: z.string().min(1), binary: z.boolean().optional(), ...subset }),
    ['codings', 'codes', 'cases', 'speakers', 'documents'],
  ),
  /** Words by stem, most frequent first: whole documents (interviewer turns left out unless asked) or one code's passages. */
  'analysis.words': read<WordCount[]>()(
    z.strictObject({
      lang: z.enum(['id', 'en']).optional(),
      codeId: id.optional(),
      includeInterviewer: z.boolean().optional(),
      top: z.number().int().positive().max(100_000).optional(),
      ...subset,
    }),
    ['codings', 'documents', 'cases', 'speakers', 'app'],
  ),
  /** The researcher's changes to the stop-word lists of this project. */
  'analysis.stopwords': read<StopwordChanges>()(empty, ['app']),
  'analysis.setStopwords': write<StopwordChanges>()(z.strictObject({ added: z.array(z.string().trim().min(1).max(100)).max(5000), removed: z.array(z.string().trim().min(1).max(100)).max(5000) }), ['app']),
  /** The passages behind one co-occurring pair under a rule (a heatmap cell or network edge). */
  'analysis.pairPassages': read<RetrievedPair[]>()(
    z.strictObject({ aId: id, bId: id, rule: rule.optional(), ...subset }),
    ['codings', 'codes', 'cases', 'speakers', 'documents'],
  ),
  /** Every pair of codes that co-occur, most frequent first; `top` keeps only the first pairs (a side panel of a 500-code codebook needs 20, not 100,000). */
  'analysis.cooccurrence': read<CooccurrencePair[]>()(
    z.strictObject({ rule: rule.optional(), top: z.number().int().positive().max(100_000).optional(), ...subset }),
    ['codings', 'codes', 'cases', 'speakers', 'documents'],
  ),
  /** Agreement between coders per code, per document and pooled, at a chosen unit; documents default to those every coder coded. */
  'analysis.agreement': read<AgreementReport>()(
    z.strictObject({
      coders: z.array(name).min(2).max(16),
      unit: z.enum(agreementUnits as [string, ...string[]]).default('character') as z.ZodType<(typeof agreementUnits)[number]>,
      overlap: z.number().gt(0).lte(1).optional(),
      codes: z.array(id).min(1).optional(),
      documents: z.array(id).min(1).optional(),
    }),
    ['codings', 'codes', 'documents', 'speakers'],
  ),
  /** Every passage where the coders differ, per document and code, in reading order (at most `limit`). */
  'analysis.disagreements': read<{ total: number; passages: Disagreement[] }>()(
    z.strictObject({ coders: z.array(name).min(2).max(16), codes: z.array(id).min(1).optional(), documents: z.array(id).min(1).optional(), limit: z.number().int().positive().max(10_000).optional() }),
    ['codings', 'codes', 'documents', 'app'],
  ),
  /** Makes one coder's codings of a code inside a passage the consensus coder's version there (replacing what the consensus had). */
  'agreement.accept': write<{ codings: Coding[]; removed: Coding[] }>()(
    z.strictObject({ documentId: id, codeId: id, start: position, end: position, from: name, into: name.default('consensus') }),
    ['codings', 'documents'],
  ),
  /** Marks a disagreement as discussed (or not) with the memo of the discussion; the previous note comes back for undo. */
  'agreement.note': write<{ note: AgreementNote; previous: AgreementNote }>()(
    z.strictObject({ documentId: id, codeId: id, start: position, end: position, discussed: z.boolean(), memo: longText }),
    ['app'],
  ),
  /** Any reliability statistic on a table the researcher brings: a CSV with a unit ID column and one column per coder. */
  'analysis.reliability': read<ReliabilityResult>()(
    z.strictObject({
      fileName: z.string().min(1).max(500),
      content: z.string().max(50_000_000),
      metric: z.enum(metrics),
      level: z.enum(levels as [string, ...string[]]).optional() as z.ZodType<(typeof levels)[number] | undefined>,
      categories: z.number().int().min(2).max(10_000).optional(),
    }),
    ['app'],
    false,
  ),

  /**
   * A coding package: a new project with the codebook and the chosen documents (all by default), their cases, and their
   * codings unless `withoutCodings` (blind parallel coding). Written to `out`, or returned base64-encoded for a download.
   */
  'team.package': read<{ fileName: string; base64: string | null; documents: number; codes: number; codings: number }>()(
    z.strictObject({ out: z.string().min(1).optional(), documentIds: z.array(id).min(1).optional(), withoutCodings: z.boolean().optional() }),
    ['documents', 'codes', 'codings', 'cases'],
  ),
  /** Brings another coder's project (a package coded elsewhere) back: documents by content, codes by UUID then path, codings with their coder. */
  'team.merge': write<MergeSummary>()(
    z.union([z.strictObject({ path: z.string().min(1) }), z.strictObject({ upload })]),
    ['documents', 'codes', 'codings', 'cases', 'speakers', 'app'],
  ),

  /** A REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA, QualCoder…, merged in by GUID in one transaction. */
  'exchange.import': write<ExchangeImport>()(
    z.union([z.strictObject({ path: z.string().min(1) }), z.strictObject({ upload })]),
    ['documents', 'codes', 'codings', 'cases', 'speakers', 'app'],
  ),
  /** The project as .qdpx (positions in the target tool's unit) or the codebook as .qdc; written to `out` (then `file` is null) or returned. A task. */
  'exchange.export': taskFile<{ fileName: string; file: FileBytes | null }>()(
    'file',
    { format: z.enum(['qdpx', 'qdc']), target: z.enum(exportTargets).optional(), out: z.string().min(1).optional() },
    ['documents', 'codes', 'codings', 'cases'],
  ),

  /** A thematic summary for a thesis chapter; Word documents come base64-encoded. */
  'report.build': read<{ fileName: string; content: string; encoding: 'utf8' | 'base64' }>()(
    z.strictObject({
      themes: z.array(id).min(1).max(200),
      by: z.string().min(1).optional(),
      lang: z.enum(['en', 'id']),
      format: z.enum(['md', 'html', 'docx']),
      title: z.string().trim().min(1).max(300).optional(),
      /** Adds a section on coding reliability: these coders compared at this unit, as a methods paragraph. */
      reliability: z.strictObject({ coders: z.array(name).min(2).max(16), unit: z.enum(agreementUnits as [string, ...string[]]) as z.ZodType<(typeof agreementUnits)[number]> }).optional(),
    }),
    ['codings', 'codes', 'documents', 'cases', 'speakers'],
  ),
  /** The files of the mixed-methods dataset, to be fetched one by one with `export.datasetFile`. */
  'export.datasetFiles': read<string[]>()(empty, ['codes', 'cases']),
  'export.datasetFile': readFile<{ name: string; content: FileBytes }>()('content', z.strictObject({ name: z.string().min(1).max(200), ...datasetOptions }), datasetReads),
  /** The whole dataset as one zip. A task: a file at a time. */
  'export.dataset': taskFile<{ fileName: string; file: FileBytes; files: number }>()('file', datasetOptions, datasetReads),
  'export.codingsCsv': readFile<{ fileName: string; csv: FileBytes }>()('csv', empty, ['codings', 'codes', 'documents']),

  /** How far the task the caller named has got; null once it has ended (or if it never began). */
  'task.progress': read<TaskProgress | null>()(z.strictObject({ task: taskId }), ['tasks'], false),
  /** Stops the task the caller named at its next breath; changes nothing in the project. Whether it was running. */
  'task.cancel': write<{ cancelled: boolean }>()(z.strictObject({ task: taskId }), ['tasks'], false),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K]['result'];
/** The operations that run as tasks (see OpSpec.task). */
export type TaskOp = { [K in OpName]: Contract[K] extends { task: true } ? K : never }[OpName];
/** The field of the result that holds a file's bytes, or never. */
export type BodyField<K extends OpName> = Contract[K] extends { body: infer F extends string } ? F : never;

export const opNames = Object.keys(contract) as OpName[];

export function isOpName(value: string): value is OpName {
  return Object.prototype.hasOwnProperty.call(contract, value);
}
