/**
 * Undo and redo built from the operations themselves: for each undoable
 * action, the contract operations that reverse it and the ones that do it
 * again, computed from the action's input and result. Restores put records
 * back with their original ids, so later steps in the history stay valid.
 */
import type { CodebookImport, OpName, OpParsedInput, OpResult } from '../api/contract';
import type { Code, Coding } from '../model/types';

export interface Step {
  op: OpName;
  input: unknown;
}

export interface HistoryEntry {
  /** The action, for "Undo …" labels. */
  op: OpName;
  undo: Step[];
  redo: Step[];
}

const codeRecord = (c: Code) => ({
  id: c.id,
  uuid: c.uuid,
  name: c.name,
  parentId: c.parentId,
  color: c.color,
  description: c.description,
  inclusion: c.inclusion,
  exclusion: c.exclusion,
  example: c.example,
  atypical: c.atypical,
  memo: c.memo,
  position: c.position,
});

const codingRecord = (c: Coding) => ({
  id: c.id,
  uuid: c.uuid,
  documentId: c.documentId,
  codeId: c.codeId,
  start: c.start,
  end: c.end,
  coder: c.coder,
  createdAt: c.createdAt,
  memo: c.memo,
  keyQuote: c.keyQuote,
});

const restoreCodings = (codings: Coding[]): Step[] => (codings.length ? [{ op: 'codings.restore', input: { codings: codings.map(codingRecord) } }] : []);
const deleteCodings = (codings: Coding[]): Step[] => (codings.length ? [{ op: 'codings.deleteMany', input: { ids: codings.map((c) => c.id) } }] : []);

/** The fields `codes.update` takes: the record without what an edit never changes. */
const editable = (c: Code) => {
  const { uuid: _uuid, position: _position, ...fields } = codeRecord(c);
  return fields;
};

const editableCoding = (c: Coding) => ({ id: c.id, codeId: c.codeId, start: c.start, end: c.end, memo: c.memo, keyQuote: c.keyQuote });

const guidance = (c: Code) => ({ id: c.id, color: c.color, description: c.description, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example, atypical: c.atypical });

/** A codebook import is undone by putting back the guidance it overwrote and deleting the codes it made (children first). */
const codebookImport = (_input: unknown, result: CodebookImport): Omit<HistoryEntry, 'op'> | null =>
  result.created + result.updated === 0
    ? null
    : {
        undo: [
          ...(result.before.length ? [{ op: 'codes.setGuidance' as const, input: { codes: result.before.map(guidance) } }] : []),
          ...(result.createdCodes.length ? [{ op: 'codes.deleteMany' as const, input: { ids: result.createdCodes.map((c) => c.id).reverse() } }] : []),
        ],
        redo: [
          ...(result.createdCodes.length ? [{ op: 'codes.restore' as const, input: { codes: result.createdCodes.map(codeRecord) } }] : []),
          ...(result.after.length ? [{ op: 'codes.setGuidance' as const, input: { codes: result.after.map(guidance) } }] : []),
        ],
      };

type Builders = { [K in OpName]?: (input: OpParsedInput<K>, result: OpResult<K>) => Omit<HistoryEntry, 'op'> | null };

const builders: Builders = {
  'codings.create': (_input, coding) => ({ undo: deleteCodings([coding]), redo: restoreCodings([coding]) }),
  'codings.delete': (_input, coding) => ({ undo: restoreCodings([coding]), redo: deleteCodings([coding]) }),
  'codings.apply': (_input, result) => (result.codings.length ? { undo: deleteCodings(result.codings), redo: restoreCodings(result.codings) } : null),
  'codings.createMany': (_input, result) => (result.codings.length ? { undo: deleteCodings(result.codings), redo: restoreCodings(result.codings) } : null),
  'codings.inVivo': (_input, result) => ({
    undo: [...deleteCodings([result.coding]), ...(result.codeCreated ? [{ op: 'codes.delete' as const, input: { id: result.code.id } }] : [])],
    redo: [...(result.codeCreated ? [{ op: 'codes.restore' as const, input: { codes: [codeRecord(result.code)] } }] : []), ...restoreCodings([result.coding])],
  }),
  'codings.update': (_input, { coding, previous }) => ({
    undo: [{ op: 'codings.update', input: editableCoding(previous) }],
    redo: [{ op: 'codings.update', input: editableCoding(coding) }],
  }),
  'documents.setMemo': (input, result) => ({
    undo: [{ op: 'documents.setMemo', input: { id: input.id, memo: result.previous } }],
    redo: [{ op: 'documents.setMemo', input }],
  }),
  'codes.split': (_input, result) => ({
    undo: [{ op: 'codes.delete', input: { id: result.code.id } }],
    redo: [{ op: 'codes.restore', input: { codes: [codeRecord(result.code)] } }, ...restoreCodings(result.codings)],
  }),
  'codes.reparent': (input, { moved }) => {
    const byParent = new Map<number | null, number[]>();
    for (const m of moved) byParent.set(m.parentId, [...(byParent.get(m.parentId) ?? []), m.id]);
    return {
      undo: [...byParent].map(([parentId, ids]) => ({ op: 'codes.reparent' as const, input: { ids, parentId } })),
      redo: [{ op: 'codes.reparent', input }],
    };
  },
  'codebook.import': codebookImport,
  'codebook.addStarter': codebookImport,
  'codes.create': (_input, code) => ({ undo: [{ op: 'codes.delete', input: { id: code.id } }], redo: [{ op: 'codes.restore', input: { codes: [codeRecord(code)] } }] }),
  'codes.update': (_input, result) => ({ undo: [{ op: 'codes.update', input: editable(result.previous) }], redo: [{ op: 'codes.update', input: editable(result.code) }] }),
  'codes.delete': (input, result) => ({
    undo: [{ op: 'codes.restore', input: { codes: result.removed.codes.map(codeRecord) } }, ...restoreCodings(result.removed.codings)],
    redo: [{ op: 'codes.delete', input: { id: input.id } }],
  }),
  'codes.merge': (input, result) => ({
    undo: [
      { op: 'codes.restore', input: { codes: [codeRecord(result.undo.source)] } },
      ...(result.undo.moved.length ? [{ op: 'codings.recode' as const, input: { ids: result.undo.moved, codeId: result.undo.source.id } }] : []),
      ...restoreCodings(result.undo.collapsed),
      ...(result.undo.children.length ? [{ op: 'codes.reparent' as const, input: { ids: result.undo.children, parentId: result.undo.source.id } }] : []),
      ...result.undo.marked.map((id) => ({ op: 'codings.update' as const, input: { id, keyQuote: false } })),
    ],
    redo: [{ op: 'codes.merge', input }],
  }),
  'agreement.accept': (_input, { codings, removed }) =>
    codings.length + removed.length ? { undo: [...deleteCodings(codings), ...restoreCodings(removed)], redo: [...deleteCodings(removed), ...restoreCodings(codings)] } : null,
  'agreement.note': (input, { previous }) => ({ undo: [{ op: 'agreement.note', input: previous }], redo: [{ op: 'agreement.note', input }] }),
  'analysis.saveQueryAsCode': (_input, result) => ({
    undo: [{ op: 'codes.delete', input: { id: result.code.id } }],
    redo: [{ op: 'codes.restore', input: { codes: [codeRecord(result.code)] } }, ...restoreCodings(result.created)],
  }),
};

/** The history entry for an action, or null if the action is not undoable. */
export function historyEntry<K extends OpName>(op: K, input: OpParsedInput<K>, result: OpResult<K>): HistoryEntry | null {
  const build = builders[op] as ((input: OpParsedInput<K>, result: OpResult<K>) => Omit<HistoryEntry, 'op'> | null) | undefined;
  const steps = build?.(input, result);
  return steps ? { op, ...steps } : null;
}
