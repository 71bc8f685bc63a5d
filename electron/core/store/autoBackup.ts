/**
 * Automatic backups for the apps: one soon after a project is opened, then
 * one whenever the configured minutes have passed and something changed
 * (the audit trail has grown) since the last. Failures are reported to the
 * shell, never thrown: a backup that cannot be made must not stop coding.
 */
import type { Core } from '../core';
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
        await createBackup(project, 'open', { nativeBinding: core.options.nativeBinding });
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
