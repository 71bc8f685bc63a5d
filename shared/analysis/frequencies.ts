/**
 * How often codes occur: overall (codings, documents, cases), by a case
 * attribute (a crosstab of codes × attribute values), and per case (a code ×
 * case matrix). A coding counts for every case it belongs to.
 */
import type { CodingFact } from './cooccurrence';
import type { CaseAttributes } from './subset';

export interface CodeFrequency {
  codeId: number;
  codings: number;
  documents: number;
  cases: number;
}

export function codeFrequencies(facts: readonly CodingFact[]): CodeFrequency[] {
  const byCode = new Map<number, { codings: number; documents: Set<number>; cases: Set<number> }>();
  for (const f of facts) {
    const entry = byCode.get(f.codeId) ?? { codings: 0, documents: new Set<number>(), cases: new Set<number>() };
    entry.codings++;
    entry.documents.add(f.documentId);
    for (const c of f.caseIds) entry.cases.add(c);
    byCode.set(f.codeId, entry);
  }
  return [...byCode].map(([codeId, e]) => ({ codeId, codings: e.codings, documents: e.documents.size, cases: e.cases.size }));
}

export interface CrosstabCell {
  codeId: number;
  value: string;
  /** Cases with this attribute value whose passages carry the code. */
  cases: number;
  codings: number;
  /** `cases` as a percentage of all cases with this value (the column). */
  percent: number;
}

export interface Crosstab {
  attribute: string;
  /** Every value of the attribute, with how many cases have it. */
  values: { value: string; cases: number }[];
  cells: CrosstabCell[];
}

export function crosstab(facts: readonly CodingFact[], attribute: string, attributes: CaseAttributes): Crosstab {
  const casesByValue = new Map<string, number>();
  for (const attrs of attributes.values()) {
    const value = attrs[attribute];
    if (value !== undefined) casesByValue.set(value, (casesByValue.get(value) ?? 0) + 1);
  }
  const cells = new Map<string, { codeId: number; value: string; cases: Set<number>; codings: number }>();
  for (const f of facts) {
    const values = new Set(f.caseIds.map((c) => attributes.get(c)?.[attribute]).filter((v): v is string => v !== undefined));
    for (const value of values) {
      const key = `${f.codeId}\u0000${value}`;
      const cell = cells.get(key) ?? { codeId: f.codeId, value, cases: new Set<number>(), codings: 0 };
      cell.codings++;
      for (const c of f.caseIds) if (attributes.get(c)?.[attribute] === value) cell.cases.add(c);
      cells.set(key, cell);
    }
  }
  const values = [...casesByValue].map(([value, cases]) => ({ value, cases })).sort((a, b) => a.value.localeCompare(b.value));
  return {
    attribute,
    values,
    cells: [...cells.values()].map((c) => ({
      codeId: c.codeId,
      value: c.value,
      cases: c.cases.size,
      codings: c.codings,
      percent: Math.round((1000 * c.cases.size) / (casesByValue.get(c.value) ?? 1)) / 10,
    })),
  };
}

/** A crosstab's cells looked up by code and value: searching the list for each made a table of an attribute with a value per participant codes × values × cells. */
export function crosstabCells<C extends { codeId: number; value: string }>(table: { cells: readonly C[] }): (codeId: number, value: string) => C | undefined {
  const cells = new Map(table.cells.map((c) => [`${c.codeId}\u0000${c.value}`, c]));
  return (codeId, value) => cells.get(`${codeId}\u0000${value}`);
}

/** Codings per code and column, where a column is a case or an attribute value of the coding's cases. */
export function codeMatrix(facts: readonly CodingFact[], columnsOf: (fact: CodingFact) => readonly string[]): Map<number, Map<string, number>> {
  const matrix = new Map<number, Map<string, number>>();
  for (const f of facts) {
    const row = matrix.get(f.codeId) ?? new Map<string, number>();
    for (const column of new Set(columnsOf(f))) row.set(column, (row.get(column) ?? 0) + 1);
    matrix.set(f.codeId, row);
  }
  return matrix;
}
