/**
 * Domain records as they cross the API boundary.
 * Every `start`/`end` is a Unicode code-point offset into the stored
 * document text, counted from 0, end exclusive.
 */

export interface DocumentSummary {
  id: number;
  name: string;
  sourceName: string;
  contentHash: string;
  importedAt: string;
  /** Length of the text in code points. */
  length: number;
  codingCount: number;
  format: string;
  /** What the importer reported: encoding, pages, cues… */
  importDetails: Record<string, string | number>;
}

export interface DocumentFull extends DocumentSummary {
  text: string;
  /** The researcher's memo on the whole document ('' when none). */
  memo: string;
}

export interface Code {
  id: number;
  uuid: string;
  name: string;
  parentId: number | null;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  /** An atypical example: a borderline passage that still belongs to the code. */
  atypical: string;
  /** The researcher's analytic notes on the code. */
  memo: string;
  position: number;
  /** Codings of this code itself (not of its sub-codes). */
  codingCount: number;
  /** Documents the code itself is applied in, and the cases linked to those documents. */
  documentCount: number;
  caseCount: number;
}

export interface Coding {
  id: number;
  uuid: string;
  documentId: number;
  codeId: number;
  start: number;
  end: number;
  coder: string;
  createdAt: string;
  memo: string | null;
  /** Marked by the researcher as a quote for the chapter report. */
  keyQuote: boolean;
}

/** A coding joined with the names a reader needs. */
/** A coding as the document view draws it: no UUID or creation time, a third of the bytes of a long transcript's codings. */
export type CodingSpan = Pick<Coding, 'id' | 'codeId' | 'start' | 'end' | 'coder' | 'memo' | 'keyQuote'>;

export interface CodingRow {
  id: number;
  document: string;
  code: string;
  /** The speaker whose turn the coding starts in, if the document has turns. */
  speaker: string | null;
  /** The cue time of that turn as hh:mm:ss, for transcripts with times. */
  timestamp: string | null;
  start: number;
  end: number;
  text: string;
  coder: string;
  createdAt: string;
  memo: string | null;
}

export interface Case {
  id: number;
  name: string;
  attributes: Record<string, string>;
  documents: string[];
}

export interface CooccurrencePair {
  /** Code names, the pair in alphabetical order. */
  a: string;
  b: string;
  count: number;
  aPath: string;
  bPath: string;
  aId: number;
  bId: number;
  /** Codings (coding rules) or units (unit rules) of each code. */
  n1: number;
  n2: number;
  /** c = n12 / (n1 + n2 − n12). */
  c: number;
  /** One code is more than five times as frequent as the other: c says little. */
  uneven: boolean;
  /** "overlap", "near:N", "turn", "document" or "case". */
  rule: string;
}

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  currentCoder: string | null;
  /** Opened read-only (another Tematik holds it, or the researcher chose so): writes are refused. */
  readOnly: boolean;
  /** A sync client's folder or a network drive, where SQLite files are at risk. */
  risk: 'Dropbox' | 'OneDrive' | 'Google Drive' | 'iCloud' | 'network' | null;
}

export interface AppInfo {
  /** Which shell serves the API; the UI only uses it to decide which dialogs it can offer. */
  shell: 'electron' | 'browser' | 'cli';
  project: ProjectInfo | null;
}

export type ImportOutcome =
  | {
      file: string;
      status: 'imported';
      /** The document made, or for a survey the first of them. */
      document: string;
      format: string;
      length: number;
      speakers: string[];
      /** Every document made (a survey makes one per respondent). */
      documents: string[];
    }
  | { file: string; status: 'duplicate'; document: string }
  | { file: string; status: 'failed'; error: { code: string; message: string; params: Record<string, string | number> } };

export interface SurveyPreview {
  fileName: string;
  delimiter: string;
  rowCount: number;
  columns: {
    name: string;
    role: 'id' | 'attribute' | 'text' | 'ignore';
    samples: string[];
    filled: number;
    distinct: number;
    averageLength: number;
  }[];
}

export interface Speaker {
  id: number;
  name: string;
  isInterviewer: boolean;
  caseId: number | null;
  caseName: string | null;
  turnCount: number;
  documents: string[];
}

export interface Turn {
  id: number;
  speaker: string;
  isInterviewer: boolean;
  start: number;
  contentStart: number;
  end: number;
  timeStartMs: number | null;
  timeEndMs: number | null;
}

/** A passage found by a query or a search; positions in code points. */
export interface Passage {
  document: string;
  documentId: number;
  start: number;
  end: number;
  text: string;
}

export interface SearchHit extends Passage {
  /** The hit with some words either side, for keyword-in-context lists. */
  context: string;
}

/** A coded passage as retrieval shows it: where it is, who said it, and around it. */
export interface RetrievedPassage extends SearchHit {
  codingId: number;
  keyQuote: boolean;
  code: string;
  coder: string;
  speaker: string | null;
  timestamp: string | null;
  /** The case the passage belongs to: its speaker's case, else the document's cases. */
  cases: string[];
}
