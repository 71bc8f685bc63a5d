/** Turning the names a researcher types into the ids the contract takes. */
import { AppError } from '../../shared/api/errors';
import type { DocumentSummary } from '../../shared/model/types';

export function findDocument(documents: readonly DocumentSummary[], wanted: string): DocumentSummary {
  const exact = documents.find((d) => d.name === wanted);
  if (exact) return exact;
  const folded = wanted.toLocaleLowerCase();
  const loose = documents.filter((d) => d.name.toLocaleLowerCase() === folded || d.sourceName === wanted);
  if (loose.length === 1) return loose[0]!;
  throw new AppError('not_found', { what: 'Document', name: wanted });
}

export function parsePosition(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new AppError('validation', { op: flag, detail: `“${value}” is not a whole number ≥ 0` });
  return Number(value);
}
