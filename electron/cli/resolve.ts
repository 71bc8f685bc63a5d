/** Turning the names a researcher types into the ids the contract takes. */
import { AppError } from '../../shared/api/errors';
import { codePath } from '../../shared/model/codeTree';
import type { Code, DocumentSummary } from '../../shared/model/types';

export function findDocument(documents: readonly DocumentSummary[], wanted: string): DocumentSummary {
  const exact = documents.find((d) => d.name === wanted);
  if (exact) return exact;
  const folded = wanted.toLocaleLowerCase();
  const loose = documents.filter((d) => d.name.toLocaleLowerCase() === folded || d.sourceName === wanted);
  if (loose.length === 1) return loose[0]!;
  throw new AppError('not_found', { what: 'Document', name: wanted });
}

/** A code by its path ("Parent/Child") or by a name that is unique in the codebook. */
export function findCode(codes: readonly Code[], wanted: string): Code {
  const folded = wanted.toLocaleLowerCase();
  const byPath = codes.filter((c) => codePath(codes, c).toLocaleLowerCase() === folded);
  if (byPath.length === 1) return byPath[0]!;
  const byName = codes.filter((c) => c.name.toLocaleLowerCase() === folded);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new AppError('validation', {
      op: 'code',
      detail: `“${wanted}” names several codes; give the path: ${byName.map((c) => codePath(codes, c)).join(', ')}`,
    });
  }
  throw new AppError('not_found', { what: 'Code', name: wanted });
}

export function parsePosition(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new AppError('validation', { op: flag, detail: `“${value}” is not a whole number ≥ 0` });
  return Number(value);
}
