/** The verbs of data safety: check, backup, backups, restore, and the audit trail (log). */
import path from 'node:path';
import type { Command } from 'commander';
import { toCsv } from '../../shared/csv/table';
import type { CliShell } from './shell';

export function registerSafetyCommands(program: Command, shell: CliShell): void {
  const { run, out, json } = shell;

  program
    .command('check')
    .argument('<project>')
    .option('--json', 'print JSON: {"ok", "integrity", "foreign_keys": [...], "schema_version"}')
    .description('check a project file (integrity, foreign keys, schema version) without changing it; exit status 1 if it is damaged')
    .action(
      shell.withoutProject(async (project: string, options: { json?: boolean }) => {
        const result = await run('project.check', { path: path.resolve(project) });
        if (options.json) json(result);
        else {
          out(`${result.ok ? 'ok' : 'DAMAGED'}: integrity ${result.integrity}; ${result.foreign_keys.length} foreign-key problems; schema version ${result.schema_version ?? '?'}`);
          for (const fk of result.foreign_keys) out(`  ${fk.table} row ${fk.rowid ?? '?'} points to a missing ${fk.parent}`);
        }
        if (!result.ok) process.exitCode = 1;
      }),
    );

  program
    .command('backup')
    .argument('<project>')
    .option('--out <file>', 'write the backup here instead of the backup folder')
    .description('make a verified backup now (SQLite online backup)')
    .action(
      shell.withProject(async (options: { out?: string }) => {
        const backup = await run('project.backup', { out: options.out ? path.resolve(options.out) : undefined });
        out(`Backed up to ${backup.path} (${backup.bytes} bytes)`);
      }),
    );

  program
    .command('backups')
    .argument('<project>')
    .option('--json', 'print JSON: [{"file", "path", "kind", "at", "bytes", "since": {"documents", "codes", "codings"}}]')
    .description('list the backups, newest first, with what changed since each')
    .action(
      shell.withProject(async (options: { json?: boolean }) => {
        const backups = await run('project.backups', {});
        if (options.json) return json(backups);
        for (const b of backups) {
          const since = b.since ? `since: ${signed(b.since.documents)} documents, ${signed(b.since.codes)} codes, ${signed(b.since.codings)} codings` : 'unreadable';
          out(`${b.at}\t${b.kind}\t${b.bytes} bytes\t${since}\t${b.path}`);
        }
      }),
    );

  program
    .command('restore')
    .argument('<project>')
    .argument('<backup>', 'a backup file (see `tematik backups`)')
    .description('put a backup in the project’s place; the current file is kept as a backup first (also for a project too damaged to open)')
    .action(
      shell.withoutProject(async (project: string, backup: string) => {
        const check = await run('project.check', { path: path.resolve(project) });
        // A sound project is backed up online before the restore; a damaged one is kept byte for byte.
        if (check.ok) {
          await run('project.open', { path: path.resolve(project) });
          await run('project.restore', { backup: path.resolve(backup) });
        } else await run('project.restoreFile', { path: path.resolve(project), backup: path.resolve(backup) });
        out(`Restored ${path.basename(backup)}; the previous state is kept as a backup`);
      }),
    );

  program
    .command('log')
    .argument('<project>')
    .option('--since <time>', 'only changes at or after this ISO time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z')
    .option('--coder <name>', 'only this coder’s changes')
    .option('--limit <n>', 'at most this many, newest first', '100000')
    .option('--json', 'print JSON: [{"id", "at", "coder", "op", "input", "documentId", "codeId"}]')
    .option('--csv', 'print CSV')
    .description('the audit trail: every change to the project, who made it and when')
    .action(
      shell.withProject(async (options: { since?: string; coder?: string; limit: string; json?: boolean; csv?: boolean }) => {
        const { entries } = await run('audit.list', { since: options.since, coder: options.coder, limit: Number(options.limit) });
        if (options.json) return json(entries);
        if (options.csv) return out(toCsv(entries.map((e) => ({ ...e }))));
        for (const e of entries) out(`${e.at}\t${e.coder}\t${e.op}\t${e.input}`);
      }),
    );
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
