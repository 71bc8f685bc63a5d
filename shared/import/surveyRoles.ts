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
      /** Share of values with at least three words. */
      wordy: values.length ? values.filter((v) => v.split(/\s+/).length >= 3).length / values.length : 0,
    };
  });

  const unique = (s: (typeof summaries)[number]) => s.filled === rows.length && s.distinct === rows.length && rows.length > 0;
  const idColumn = summaries.find((s) => idName.test(s.name.trim()) && unique(s)) ?? summaries.find((s) => unique(s) && s.averageLength <= 40);

  const idIndex = idColumn ? summaries.indexOf(idColumn) : -1;
  const roles = summaries.map((s, column): ColumnRole => {
    if (column === idIndex) return 'id';
    if (s.filled === 0) return 'ignore';
    if (s.averageLength >= 40 || s.maxLength >= 120) return 'text';
    // Short answers are still open text when they are sentences that rarely repeat.
    if (s.averageLength >= 15 && s.wordy >= 0.8 && s.distinct >= 0.8 * s.filled) return 'text';
    return 'attribute';
  });
  // A survey is imported for its open answers: without any, take the longest answers.
  if (!roles.includes('text')) {
    const longest = summaries.reduce((best, s, i) => (roles[i] === 'attribute' && (best < 0 || s.averageLength > summaries[best]!.averageLength) ? i : best), -1);
    if (longest >= 0) roles[longest] = 'text';
  }
  return summaries.map(({ maxLength: _max, wordy: _wordy, ...s }, column) => ({ ...s, role: roles[column]!, averageLength: Math.round(s.averageLength * 10) / 10 }));
}
