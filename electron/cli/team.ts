/**
 * The verbs of team coding: agreement between coders on the project, and
 * reliability statistics on a table the researcher brings.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../shared/api/errors';
import { agreementCsv } from '../../shared/reliability/agreementCsv';
import { findCode } from '../../shared/model/codeTree';
import type { MergeSummary } from '../../shared/model/interchange';
import { findDocument } from './resolve';
import type { CliShell } from './shell';
import type { AgreementReport } from '../../shared/reliability/codingAgreement';
import { methodsParagraph } from '../../shared/reliability/methods';
import { levels, metrics, type ReliabilityResult } from '../../shared/reliability/metrics';
import { agreementUnits } from '../../shared/reliability/units';

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const fixed = (value: number | null, digits = 3) => (value === null ? '—' : value.toFixed(digits));
const interval = (ci: [number, number] | null) => (ci ? `[${fixed(ci[0])}, ${fixed(ci[1])}]` : '');

export function registerTeamCommands(program: Command, shell: CliShell): void {
  const { run, out, json } = shell;

  program
    .command('agreement')
    .argument('<project>')
    .requiredOption('--coders <names>', 'two or more coders, comma-separated')
    .option('--unit <unit>', `${agreementUnits.join(', ')}`, 'character')
    .option('--overlap <share>', 'segment unit: the share of their union two codings must overlap to match', '0.9')
    .option('--codes <names>', 'only these codes (names or paths, comma-separated); default every code either coder used')
    .option('--json', 'print JSON: {"unit", "codes": [{"code", "both", "only": {CODER: N}, "neither", "percent", "kappa", "alpha", "kappa_ci", "alpha_ci"}], "pooled", "documents"}')
    .option('--csv', 'print one CSV row per code (and one pooled)')
    .option('--methods <lang>', 'print a methods paragraph for the thesis instead (en or id)')
    .description('agreement between coders per code: units coded by both, by one only, by neither; percent agreement, κ (Cohen, Fleiss for 3+), Krippendorff’s α, 95 % bootstrap intervals')
    .action(
      shell.withProject(async (options: { coders: string; unit: string; overlap: string; codes?: string; json?: boolean; csv?: boolean; methods?: string }) => {
        if (options.methods !== undefined && options.methods !== 'en' && options.methods !== 'id') throw new AppError('validation', { op: '--methods', detail: 'use en or id' });
        if (!agreementUnits.includes(options.unit as never)) throw new AppError('validation', { op: '--unit', detail: `use ${agreementUnits.join(', ')}` });
        const overlap = Number(options.overlap);
        if (!(overlap > 0 && overlap <= 1)) throw new AppError('validation', { op: '--overlap', detail: 'use a share above 0 and at most 1, such as 0.9' });
        const all = await run('codes.list', {});
        const codes = options.codes ? list(options.codes).map((name) => findCode(all, name).id) : undefined;
        const report = await run('analysis.agreement', { coders: list(options.coders), unit: options.unit, overlap, codes });
        if (options.methods) out(methodsParagraph(report, options.methods as 'en' | 'id'));
        else if (options.json) json(report);
        else if (options.csv) out(agreementCsv(report));
        else printAgreement(report, out);
      }),
    );

  program
    .command('reliability')
    .argument('<file>', 'CSV: a header row, then one row per unit: its ID, then one column per coder (empty = missing)')
    .requiredOption('--metric <metric>', metrics.join(', '))
    .option('--level <level>', `Krippendorff’s α: ${levels.join(', ')}`, 'nominal')
    .option('--categories <n>', 'Brennan–Prediger: how many categories there are (default: those observed)')
    .option('--json', 'print JSON: {"metric", "level", "value", "ci": [lo, hi], "units", "coders"}')
    .description('a reliability statistic on any table of codes: percent agreement, Holsti, Cohen’s κ (unweighted, linear, quadratic), Scott’s π, Fleiss’ κ, Brennan–Prediger, Krippendorff’s α')
    .action(
      shell.withoutProject(async (file: string, options: { metric: string; level: string; categories?: string; json?: boolean }) => {
        if (!metrics.includes(options.metric as never)) throw new AppError('validation', { op: '--metric', detail: `use ${metrics.join(', ')}` });
        if (!levels.includes(options.level as never)) throw new AppError('validation', { op: '--level', detail: `use ${levels.join(', ')}` });
        const categories = options.categories === undefined ? undefined : Number(options.categories);
        const result = await run('analysis.reliability', { fileName: path.basename(file), content: shell.readInputFile(file), metric: options.metric, level: options.level, categories });
        if (options.json) json(result);
        else out(reliabilityLine(result));
      }),
    );

  program
    .command('package')
    .argument('<project>')
    .requiredOption('--out <file>', 'the package to write (a new .tematik file)')
    .option('--documents <names>', 'only these documents (comma-separated); default all')
    .option('--without-codings', 'leave every coding out, for blind parallel coding')
    .description('write a coding package for another coder: the codebook, the chosen documents with their cases, and their codings unless --without-codings')
    .action(
      shell.withProject(async (options: { out: string; documents?: string; withoutCodings?: boolean }) => {
        const all = await run('documents.list', {});
        const documentIds = options.documents ? list(options.documents).map((name) => findDocument(all, name).id) : undefined;
        const result = await run('team.package', { out: path.resolve(options.out), documentIds, withoutCodings: options.withoutCodings });
        out(`Wrote ${options.out}: ${result.documents} documents, ${result.codes} codes, ${result.codings} codings`);
      }),
    );

  program
    .command('merge')
    .argument('<project>')
    .argument('<other>', 'another coder’s project, e.g. a package they coded')
    .option('--json', 'print JSON: {"added": {documents, codes, codings, cases, coders}, "matched": {…}, "conflicts": [{kind, name, reason, ours, theirs}]}')
    .description('bring another coder’s project back: documents matched by content, codes by ID then path, codings kept with their coder; merging twice changes nothing')
    .action(
      shell.withProject(async (other: string, options: { json?: boolean }) => {
        const summary = await run('team.merge', { path: path.resolve(other) });
        if (options.json) json(summary);
        else printMerge(summary, out);
      }),
    );
}

function printMerge(s: MergeSummary, out: (line: string) => void): void {
  out(`added: ${s.added.documents} documents, ${s.added.codes} codes, ${s.added.codings} codings, ${s.added.cases} cases${s.added.coders.length ? `; coders ${s.added.coders.join(', ')}` : ''}`);
  out(`matched: ${s.matched.documents} documents, ${s.matched.codes} codes, ${s.matched.codings} codings, ${s.matched.cases} cases`);
  for (const c of s.conflicts) out(`conflict: ${c.kind} “${c.name}”: ${c.reason}${c.ours !== undefined ? ` (ours “${c.ours}”, theirs “${c.theirs}”; ours kept)` : ''}`);
}

function reliabilityLine(r: ReliabilityResult): string {
  const name = r.metric === 'krippendorff' ? `krippendorff (${r.level})` : r.metric;
  return `${name} = ${fixed(r.value, 4)}${r.ci ? `, 95% CI ${interval(r.ci)}` : ''} (${r.units} units, ${r.coders} coders)`;
}

function printAgreement(report: AgreementReport, out: (line: string) => void): void {
  out(`# unit: ${report.unit}${report.overlap !== null ? ` (segments match at ${report.overlap} overlap)` : ''}; coders: ${report.coders.join(', ')}; weakest first`);
  out(['code', 'both', ...report.coders.map((c) => `only ${c}`), 'neither', '%', 'kappa', '95% CI', 'alpha', '95% CI'].join('\t'));
  for (const c of [...report.codes, { ...report.pooled, code: '(pooled)' }]) {
    out([c.code, c.both, ...report.coders.map((coder) => c.only[coder] ?? 0), c.neither, fixed(c.percent, 1), fixed(c.kappa), interval(c.kappa_ci), fixed(c.alpha), interval(c.alpha_ci)].join('\t'));
  }
  if (report.pooled.alpha_nominal !== null) out(`# Krippendorff’s α, nominal, across the codebook: ${fixed(report.pooled.alpha_nominal)}`);
}
