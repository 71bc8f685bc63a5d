/** Agreement between coders on the project's codings, and reliability statistics on a table the researcher brings. */
import { AppError } from '../../../shared/api/errors';
import { categoriesOf } from '../../../shared/reliability/ratings';
import { reliability } from '../../../shared/reliability/metrics';
import { parseReliabilityCsv } from '../../../shared/reliability/table';
import { agreementReport } from '../analysis/agreement';
import type { HandlersFor } from './types';

export const agreementHandlers: Pick<HandlersFor<'analysis'>, 'analysis.agreement' | 'analysis.reliability'> = {
  'analysis.agreement': (query, core) => agreementReport(core.requireProject(), query),
  'analysis.reliability': ({ fileName, content, metric, level, categories }) => {
    const table = parseReliabilityCsv(fileName, content);
    if (['cohen', 'cohen-linear', 'cohen-quadratic', 'scott'].includes(metric) && table.coders.length !== 2) {
      throw new AppError('reliability_two_coders', { metric, file: fileName, coders: table.coders.length });
    }
    if (metric === 'krippendorff' && (level === 'interval' || level === 'ratio') && !categoriesOf(table.ratings).numeric) {
      const value = table.ratings.flat().find((v) => v !== null && !Number.isFinite(Number(v))) ?? '';
      throw new AppError('reliability_numbers', { file: fileName, level, value });
    }
    return reliability(table.ratings, metric, { level, categories });
  },
};
