import { AppError } from '../api/errors';
import type { Code } from './types';

export interface TreeCode {
  id: number;
  name: string;
  parentId: number | null;
  position: number;
}

export interface CodeTreeRow<T extends TreeCode = Code> {
  code: T;
  depth: number;
}

/** The codebook in display order: each code followed by its sub-codes, siblings by position then name. */
export function flattenCodeTree<T extends TreeCode>(codes: readonly T[]): CodeTreeRow<T>[] {
  const children = new Map<number | null, T[]>();
  for (const code of codes) {
    const list = children.get(code.parentId) ?? [];
    list.push(code);
    children.set(code.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const rows: CodeTreeRow<T>[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const code of children.get(parentId) ?? []) {
      rows.push({ code, depth });
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** Every code's path ("Challenges/Income uncertainty"), by id, in one pass. */
export function codePaths(codes: readonly Omit<TreeCode, 'position'>[]): Map<number, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<number, string>();
  const pathOf = (id: number): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const code = byId.get(id)!;
    const value = code.parentId === null ? code.name : `${pathOf(code.parentId)}/${code.name}`;
    paths.set(id, value);
    return value;
  };
  for (const code of codes) pathOf(code.id);
  return paths;
}

/** Full path of a code, e.g. "Challenges/Income uncertainty". */
export function codePath(codes: readonly Code[], code: Code): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const parts = [code.name];
  let parent = code.parentId === null ? undefined : byId.get(code.parentId);
  while (parent) {
    parts.unshift(parent.name);
    parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
  }
  return parts.join('/');
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

/** The codes used most often (ties by name): the ones that get number keys 1–9 and 0. */
export function mostUsedCodes(codes: readonly Code[], count = 10): Code[] {
  return [...codes].sort((a, b) => b.codingCount - a.codingCount || a.name.localeCompare(b.name)).slice(0, count);
}
