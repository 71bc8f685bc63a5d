/**
 * A whole project (or part of one) as plain data, keyed by stable UUIDs:
 * what a coding package carries, what merging another coder's project reads,
 * and what the REFI-QDA reader and writer translate to and from. Positions
 * are code points in the document's stored text, end exclusive.
 */

export interface InterchangeCode {
  uuid: string;
  name: string;
  /** Null for a main theme. Parents come before their children in `codes`. */
  parentUuid: string | null;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  atypical: string;
  memo: string;
}

export interface InterchangeTurn {
  speaker: string;
  start: number;
  contentStart: number;
  end: number;
  timeStartMs: number | null;
  timeEndMs: number | null;
}

export interface InterchangeDocument {
  uuid: string;
  name: string;
  sourceName: string;
  text: string;
  format: string;
  importDetails: Record<string, string | number>;
  memo: string;
  turns: InterchangeTurn[];
}

export interface InterchangeSpeaker {
  name: string;
  isInterviewer: boolean;
  caseName: string | null;
}

export interface InterchangeCase {
  uuid: string;
  name: string;
  description: string;
  attributes: Record<string, string>;
  documentUuids: string[];
}

export interface InterchangeCoding {
  uuid: string;
  documentUuid: string;
  codeUuid: string;
  start: number;
  end: number;
  coder: string;
  createdAt: string;
  memo: string | null;
  keyQuote: boolean;
}

export interface Interchange {
  codes: InterchangeCode[];
  documents: InterchangeDocument[];
  speakers: InterchangeSpeaker[];
  cases: InterchangeCase[];
  codings: InterchangeCoding[];
}

/** What merging brought in: added, found already there, and what could not be reconciled (ours kept). */
export interface MergeSummary {
  added: { documents: number; codes: number; codings: number; cases: number; coders: string[] };
  matched: { documents: number; codes: number; codings: number; cases: number };
  conflicts: MergeConflict[];
}

export interface MergeConflict {
  kind: 'code' | 'document' | 'case' | 'coding';
  name: string;
  /** A code of shared/i18n's `merge_conflict` messages. */
  reason: 'renamed' | 'moved' | 'text_differs' | 'attribute_differs' | 'range_outside' | 'code_missing' | 'document_missing';
  ours?: string;
  theirs?: string;
}
