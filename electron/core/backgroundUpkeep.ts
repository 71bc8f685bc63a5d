/**
 * Work done while the researcher asks for nothing: the analyses' codings
 * read once, so that they are kept in step from then on (see
 * analysis/liveCodings.ts), and stems indexed, so that the first search of
 * a thousand transcripts does not wait for all of them (about nine seconds
 * at eight million words). Only while no operation runs and a second after
 * the last one ended, in slices of a few documents (each in its own
 * transaction, the same indexing a search would do) with short gaps between
 * them, so a click never queues behind it for long.
 */
import { keepsLiveCodings, startLiveCodings } from './analysis/liveCodings';
import type { Core } from './core';
import { indexPendingDocuments } from './search/textSearch';

export function startBackgroundUpkeep(core: Core, onError: (error: unknown) => void, options = { tickMs: 500, quietMs: 1000, sliceMs: 40, gapMs: 10 }): () => void {
  // Where nothing was left to index: the project and its count of changes then. Looking again costs a scan of the documents.
  let finished: { path: string; changes: number } | null = null;
  let draining = false;
  let stopped = false;

  /** One slice of work if the researcher is quiet; whether there may be more. */
  const slice = (): boolean => {
    const project = core.project;
    if (!project || project.readOnly || core.activity.running > 0 || performance.now() - core.activity.lastEndedAt < options.quietMs) return false;
    try {
      project.assertInPlace();
      if (!keepsLiveCodings(project)) {
        // Reading 80,000 codings takes about a third of a second: one slice's work.
        startLiveCodings(project);
        return true;
      }
      if (finished?.path === project.path && finished.changes === project.totalChanges()) return false;
      if (indexPendingDocuments(project, options.sliceMs) > 0) return true;
      finished = { path: project.path, changes: project.totalChanges() };
    } catch (error) {
      onError(error);
    }
    return false;
  };

  // While quiet, slices follow each other with a short gap (a thousand transcripts take about ten seconds of it), so a click waits at most one slice.
  const drain = () => {
    if (stopped || !slice()) {
      draining = false;
      return;
    }
    setTimeout(drain, options.gapMs).unref();
  };
  const timer = setInterval(() => {
    if (draining) return;
    draining = true;
    drain();
  }, options.tickMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
