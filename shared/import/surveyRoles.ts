/**
 * Default roles for the columns of an open-ended survey: one column identifies
 * the respondent; short answers that repeat are attributes (generation, city,
 * platform…); long free text is an open answer to code. The researcher can
 * change every role before importing.
 */

export type ColumnRole = 'id' | 'attribute' | 'text' | 'ignore';

export interface ColumnSummary {
  name: string;
  role: ColumnRole;
  /** A few non-empty values, for the preview. */
  samples: string[];
  filled: number;
  distinct: number;
  averageLength: number;
}

const idName = /^(id|no\.?|nomor|kode|code|respondent|responden|respondent[ _]?id|participant|informan|case)$/i;

export function summariseColumns(header: readonly string[], rows: readonly (readonly string[])[]): ColumnSummary[] {
  const summaries = header.map((name, column) => {
    const values = rows.map((row) => (row[column] ?? '').trim()).filter((v) => v !== '');
    const totalLength = values.reduce((n, v) => n + v.length, 0);
    return {
      name,
      role: 'ignore' as ColumnRole,
      samples: values.slice(0, 3),
      filled: values.length,
      distinct: new Set(values).size,
      averageLength: values.length ? totalLength / values.length : 0,
      maxLength: values.reduce((n, v) => Math.max(n, v.length), 0),
    };
  });

  const unique = (s: (typeof summaries)[number]) => s.filled === rows.length && s.distinct === rows.length && rows.length > 0;
  const idColumn = summaries.find((s) => idName.test(s.name.trim()) && unique(s)) ?? summaries.find((s) => unique(s) && s.averageLength <= 40);

  return summaries.map(({ maxLength, ...s }, column) => {
    let role: ColumnRole;
    if (idColumn && column === summaries.indexOf(idColumn)) role = 'id';
    else if (s.filled === 0) role = 'ignore';
    else if (s.averageLength >= 40 || maxLength >= 120) role = 'text';
    else role = 'attribute';
    return { ...s, role, averageLength: Math.round(s.averageLength * 10) / 10 };
  });
}
