/**
 * Reads a project, or the chosen documents of it, into the interchange
 * model: the whole codebook always, the documents with their turns and
 * memos, the cases and speakers that belong to them, and their codings.
 */
import type { Interchange, InterchangeCase, InterchangeCoding, InterchangeDocument } from '../../../shared/model/interchange';
import type { Project } from '../project';
import { readDocumentTurns, readSpeakers } from '../store/documentTurns';

export interface ReadOptions {
  /** Only these documents (and their cases, speakers and codings); all when absent. */
  documentIds?: readonly number[];
  withCodings: boolean;
  /** Without each document's speaker turns: REFI-QDA has no place for them (they are found again from the text). */
  withoutTurns?: boolean;
}

type CodingRow = Omit<InterchangeCoding, 'documentUuid' | 'keyQuote'> & { documentId: number; keyQuote: number };

export function readInterchange(project: Project, options: ReadOptions): Interchange {
  const codes = project
    .stmt(
      `WITH RECURSIVE tree(id, depth) AS (SELECT id, 0 FROM codes WHERE parent_id IS NULL
         UNION ALL SELECT c.id, t.depth + 1 FROM codes c JOIN tree t ON c.parent_id = t.id)
       SELECT c.uuid, c.name, p.uuid AS parentUuid, c.color, c.description, c.inclusion, c.exclusion, c.example, c.atypical, c.memo
       FROM tree JOIN codes c ON c.id = tree.id LEFT JOIN codes p ON p.id = c.parent_id
       ORDER BY tree.depth, c.position, c.id`,
    )
    .all() as Interchange['codes'];

  const chosen = options.documentIds ? new Set(options.documentIds) : null;
  // The chosen documents are read one by one: a trashed transcript of a thousand must not read every text.
  const documentSelect = 'SELECT id, uuid, name, source_name AS sourceName, text, format, import_details AS details FROM documents';
  const documentRows = (
    chosen
      ? [...chosen].sort((a, b) => a - b).flatMap((id) => project.stmt(`${documentSelect} WHERE id = ?`).all(id))
      : project.stmt(`${documentSelect} ORDER BY id`).all()
  ) as { id: number; uuid: string; name: string; sourceName: string; text: string; format: string; details: string }[];
  const uuidOf = new Map(documentRows.map((d) => [d.id, d.uuid]));

  const memoOf = project.stmt('SELECT body FROM memos WHERE document_id = ? AND code_id IS NULL').pluck();
  const speakerOf = readSpeakers(project);
  const turnsOf = (documentId: number): InterchangeDocument['turns'] =>
    readDocumentTurns(project, documentId)
      .records(documentId)
      .map(({ speakerId, start, contentStart, end, timeStartMs, timeEndMs }) => ({ speaker: speakerOf.get(speakerId)!.name, start, contentStart, end, timeStartMs, timeEndMs }));
  const documents: InterchangeDocument[] = documentRows.map((d) => ({
    uuid: d.uuid,
    name: d.name,
    sourceName: d.sourceName,
    text: d.text,
    format: d.format,
    importDetails: JSON.parse(d.details) as Record<string, string | number>,
    memo: (memoOf.get(d.id) as string | undefined) ?? '',
    turns: options.withoutTurns ? [] : turnsOf(d.id),
  }));

  const speakerNames = new Set(documents.flatMap((d) => d.turns.map((t) => t.speaker)));
  const speakers = (
    project.stmt('SELECT s.name, s.is_interviewer AS isInterviewer, c.name AS caseName FROM speakers s LEFT JOIN cases c ON c.id = s.case_id ORDER BY s.id').all() as {
      name: string;
      isInterviewer: number;
      caseName: string | null;
    }[]
  )
    .filter((s) => speakerNames.has(s.name))
    .map((s) => ({ ...s, isInterviewer: s.isInterviewer === 1 }));

  const links = project.stmt('SELECT case_id AS caseId, document_id AS documentId FROM case_documents').all() as { caseId: number; documentId: number }[];
  const attributes = project.stmt('SELECT case_id AS caseId, name, value FROM case_attributes ORDER BY name').all() as { caseId: number; name: string; value: string }[];
  const attributesOf = groupBy(attributes, (a) => a.caseId);
  const linksOf = groupBy(links, (l) => l.caseId);
  const cases: InterchangeCase[] = (project.stmt('SELECT id, uuid, name, description FROM cases ORDER BY id').all() as { id: number; uuid: string; name: string; description: string }[])
    .map((c) => ({
      uuid: c.uuid,
      name: c.name,
      description: c.description,
      attributes: Object.fromEntries((attributesOf.get(c.id) ?? []).map((a) => [a.name, a.value])),
      documentUuids: (linksOf.get(c.id) ?? []).filter((l) => uuidOf.has(l.documentId)).map((l) => uuidOf.get(l.documentId)!),
    }))
    // A package carries the participants of its documents, not the whole study.
    .filter((c) => !chosen || c.documentUuids.length > 0);

  const codingSelect = `SELECT k.uuid, k.document_id AS documentId, c.uuid AS codeUuid, k.start, k."end" AS "end", u.name AS coder, k.created_at AS createdAt, k.memo, k.key_quote AS keyQuote
     FROM codings k JOIN codes c ON c.id = k.code_id JOIN coders u ON u.id = k.coder_id`;
  const codingRows = !options.withCodings
    ? []
    : ((chosen
        ? documentRows.flatMap((d) => project.stmt(`${codingSelect} WHERE k.document_id = ? ORDER BY k.start, k.id`).all(d.id))
        : project.stmt(`${codingSelect} ORDER BY k.document_id, k.start, k.id`).all()) as CodingRow[]);
  const codings: InterchangeCoding[] = codingRows.map(({ documentId, keyQuote, ...k }) => ({ ...k, documentUuid: uuidOf.get(documentId)!, keyQuote: keyQuote === 1 }));

  return { codes, documents, speakers, cases, codings };
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
