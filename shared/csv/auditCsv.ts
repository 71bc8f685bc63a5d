/** The audit trail as a spreadsheet: one row per change, with the document and code it was about named. */
import type { AuditEntry } from '../api/contract';
import { toCsv } from './table';

export function auditCsv(entries: readonly AuditEntry[], names: { documents: ReadonlyMap<number, string>; codes: ReadonlyMap<number, string> }): string {
  // A document or code deleted since keeps its id, so the row still says which it was.
  const named = (id: number | null, of: ReadonlyMap<number, string>) => (id === null ? '' : (of.get(id) ?? id));
  return toCsv(
    entries.map((e) => ({ at: e.at, coder: e.coder, operation: e.op, document: named(e.documentId, names.documents), code: named(e.codeId, names.codes), input: e.input })),
    {},
    ['at', 'coder', 'operation', 'document', 'code', 'input'],
  );
}
