/**
 * The audit trail: one row per write operation, inside that operation's own
 * transaction (so the trail holds exactly what was committed), with who,
 * when, the operation and its input. Inputs are kept readable and bounded:
 * uploaded files and long texts are summarised, long lists cut.
 */
import type { OpName } from '../../../shared/api/contract';
import { replaceBytes } from '../../../shared/api/bytesBody';
import type { Project } from '../project';

const maxString = 2000;
const maxItems = 200;
const maxInput = 20_000;

function bounded(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (key === 'base64' || key === 'content') return `(${value.length} characters)`;
    return value.length > maxString ? `${value.slice(0, maxString)}… (${value.length} characters)` : value;
  }
  if (Array.isArray(value) && value.length > maxItems) return [...value.slice(0, maxItems), `… ${value.length - maxItems} more`];
  return value;
}

const numberOf = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** The document and code an operation is about, when it is about one: for the trail's filters. */
function subjects(op: OpName, input: Record<string, unknown>, result: unknown): { documentId: number | null; codeId: number | null } {
  const out = (result ?? {}) as Record<string, unknown>;
  const inner = (out.coding ?? out.code ?? {}) as Record<string, unknown>;
  const documentId = numberOf(input.documentId) ?? numberOf(out.documentId) ?? numberOf(inner.documentId) ?? (op.startsWith('documents.') ? numberOf(input.id) : null);
  const codeId = numberOf(input.codeId) ?? numberOf(out.codeId) ?? numberOf(inner.codeId) ?? (op.startsWith('codes.') ? (numberOf(input.id) ?? numberOf(input.sourceId) ?? numberOf(out.id)) : null);
  return { documentId, codeId };
}

export function appendAudit(project: Project, coder: string, op: OpName, input: unknown, result: unknown): void {
  const record = (input ?? {}) as Record<string, unknown>;
  let text = JSON.stringify(replaceBytes(record, (bytes) => `(${bytes.byteLength} bytes)`), bounded);
  if (text.length > maxInput) text = `${text.slice(0, maxInput)}… (${text.length} characters)`;
  const { documentId, codeId } = subjects(op, record, result);
  project
    .stmt('INSERT INTO audit_log(at, coder, op, input, document_id, code_id) VALUES (?, ?, ?, ?, ?, ?)')
    .run(new Date().toISOString(), typeof record.coder === 'string' ? record.coder : coder, op, text, documentId, codeId);
}
