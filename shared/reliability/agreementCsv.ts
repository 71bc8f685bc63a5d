/** The agreement table as CSV: one row per code, weakest first, then the pooled row. */
import { toCsv } from '../csv/table';
import type { AgreementReport, CodeAgreement } from './codingAgreement';

export function agreementCsv(report: AgreementReport): string {
  const row = (c: CodeAgreement) => ({
    code: c.code || '(pooled)',
    both: c.both,
    ...Object.fromEntries(report.coders.map((coder) => [`only ${coder}`, c.only[coder] ?? 0])),
    neither: c.neither,
    percent: c.percent,
    kappa: c.kappa,
    kappa_low: c.kappa_ci?.[0] ?? null,
    kappa_high: c.kappa_ci?.[1] ?? null,
    alpha: c.alpha,
    alpha_low: c.alpha_ci?.[0] ?? null,
    alpha_high: c.alpha_ci?.[1] ?? null,
    unit: report.unit,
  });
  return toCsv([...report.codes.map(row), row(report.pooled)]);
}
