/**
 * Work done while the researcher asks for nothing: the analyses' codings
 * read once, so that they are kept in step from then on (see
 * analysis/liveCodings.ts), and stems indexed, so that the first search of
 * a thousand transcripts does not wait for all of them (about nine seconds
 * at eight million words). Only while no operation runs and a second after
 * the last one ended; stems a few documents at a time (each in its own
 * transaction, the same indexing a search would do), so a click never
 * queues behind it for long.
 */
import { keepsLiveCodings, startLiveCodings } from './analysis/liveCodings';
import type { Core } from './core';
import { indexPendingDocuments } from './search/textSearch';

export function startBackgroundUpkeep(core: Core, onError: (error: unknown) => void, options = { tickMs: 500, quietMs: 1000, sliceMs: 40 }): () => void {
  // Where nothing was left to index: the project and its count of changes then. Looking again costs a scan of the documents.
  let finished: { path: string; changes: number } | null = null;
  const timer = setInterval(() => {
    const project = core.project;
    if (!project || project.readOnly || core.activity.running > 0 || performance.now() - core.activity.lastEndedAt < options.quietMs) return;
    try {
      project.assertInPlace();
      if (!keepsLiveCodings(project)) {
        // Reading 80,000 codings takes about a third of a second: one tick's work.
        startLiveCodings(project);
        return;
      }
      if (finished?.path === project.path && finished.changes === project.totalChanges()) return;
      if (indexPendingDocuments(project, options.sliceMs) === 0) finished = { path: project.path, changes: project.totalChanges() };
    } catch (error) {
      onError(error);
    }
  }, options.tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
