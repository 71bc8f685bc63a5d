/** The REFI-QDA verbs: `.qdpx`/`.qdc` files through `import`, and `export qdpx` / `export qdc`. */
import path from 'node:path';
import type { Command } from 'commander';
import type { ExchangeImport } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { exportTargets } from '../../shared/exchange/qdeWriter';
import type { CliShell } from './shell';

export const isExchangeFile = (file: string) => /\.(qdpx|qdc)$/i.test(file);

export function printExchangeImport(summary: ExchangeImport, out: (line: string) => void, asJson: boolean): void {
  if (asJson) return out(JSON.stringify(summary));
  const a = summary.added;
  out(`imported\t${summary.file}\t(${summary.producer || 'unknown producer'}): ${a.documents} documents, ${a.codes} codes, ${a.codings} codings, ${a.cases} cases, ${summary.memos} memos`);
  const m = summary.matched;
  if (m.documents + m.codes + m.codings + m.cases > 0) out(`already here\t${m.documents} documents, ${m.codes} codes, ${m.codings} codings, ${m.cases} cases`);
  for (const o of summary.offsets) if (o.switched) out(`positions\t${o.document}: read as ${o.reading} (${o.matched} of ${o.checked} named selections matched)`);
  for (const s of summary.skipped) out(`skipped\t${s.kind} ${s.name}: ${s.reason}`);
  for (const c of summary.conflicts) out(`kept ours\t${c.kind} ${c.name}: ${c.reason}`);
}

export function registerExchangeExports(exporter: Command, shell: CliShell): void {
  exporter
    .command('qdpx')
    .argument('<project>')
    .requiredOption('--out <file>', 'the .qdpx file to write')
    .option('--target <tool>', `whose reader the positions are written for: ${exportTargets.join(', ')} (standard = Unicode code points, as REFI-QDA specifies)`, 'standard')
    .description('write the project as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder')
    .action(
      shell.withProject(async (options: { out: string; target: string }) => {
        if (!exportTargets.includes(options.target as never)) throw new AppError('validation', { op: '--target', detail: `use ${exportTargets.join(', ')}` });
        await shell.runTask('exchange.export', { format: 'qdpx', target: options.target, out: path.resolve(options.out) });
        shell.out(`Wrote ${options.out}`);
      }),
    );
  exporter
    .command('qdc')
    .argument('<project>')
    .requiredOption('--out <file>', 'the .qdc file to write')
    .description('write the codebook as a REFI-QDA codebook (.qdc)')
    .action(
      shell.withProject(async (options: { out: string }) => {
        await shell.run('exchange.export', { format: 'qdc', out: path.resolve(options.out) });
        shell.out(`Wrote ${options.out}`);
      }),
    );
}
