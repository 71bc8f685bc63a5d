/**
 * Automatic backups for the apps: one soon after a project is opened, then
 * one whenever the configured minutes have passed and something changed
 * (the audit trail has grown) since the last. A project opened empty (just
 * created) has nothing to keep yet: its first backup comes at the interval.
 * Failures are reported to the shell, never thrown: a backup that cannot be
 * made must not stop coding.
 */
import type { Core } from '../core';
import type { Project } from '../project';
import { backupSettings, createBackup } from './backups';

export function startAutoBackups(core: Core, onError: (error: unknown) => void, tickMs = 15_000): () => void {
  let seenPath: string | null = null;
  let lastAt = 0;
  let lastChange = 0;
  let running = false;
  const changeMark = () => (core.project!.stmt('SELECT ifnull(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;

  const tick = async () => {
    const project = core.project;
    if (!project || project.readOnly || running) return;
    running = true;
    try {
      if (project.path !== seenPath) {
        seenPath = project.path;
        lastChange = changeMark();
        // As if a backup were made now: the first of an empty project's work is kept at the usual interval.
        if (!isEmpty(project)) await createBackup(project, 'open', { nativeBinding: core.options.nativeBinding });
        lastAt = Date.now();
        return;
      }
      const { everyMinutes } = backupSettings(project);
      const change = changeMark();
      if (change > lastChange && Date.now() - lastAt >= everyMinutes * 60_000) {
        await createBackup(project, 'auto', { nativeBinding: core.options.nativeBinding });
        lastAt = Date.now();
        lastChange = change;
      }
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/** No documents, codes or cases: a project just created. (Its trail cannot say: projects from before the trail have none.) */
function isEmpty(project: Project): boolean {
  return project.stmt('SELECT NOT (EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM codes) OR EXISTS (SELECT 1 FROM cases))').pluck().get() === 1;
}
