/**
 * Which picked files travel to the core together. Plain transcripts and
 * subtitle files parse in well under a millisecond each, so a semester of
 * them would spend most of its time on one request and one commit per file:
 * consecutive ones go in one upload, up to a count and a size. Everything
 * else (Word, PDF, web pages, surveys, exchange files, unknown types) goes
 * alone, so the progress names a slow file while it is being read and Cancel
 * stops right after it.
 */

export const uploadBatchLimits = { files: 64, bytes: 8 * 1024 * 1024 };

const quickExtensions = new Set(['txt', 'text', 'md', 'markdown', 'vtt', 'srt']);

export function isQuickToImport(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && quickExtensions.has(fileName.slice(dot + 1).toLowerCase());
}

/** The files in their order, cut into the uploads they are sent in. */
export function uploadBatches<T extends { name: string; size: number }>(files: readonly T[], limits = uploadBatchLimits): T[][] {
  const batches: T[][] = [];
  let open: T[] | null = null;
  let openBytes = 0;
  for (const file of files) {
    if (!isQuickToImport(file.name)) {
      batches.push([file]);
      open = null;
      continue;
    }
    if (!open || open.length >= limits.files || openBytes + file.size > limits.bytes) {
      open = [];
      openBytes = 0;
      batches.push(open);
    }
    open.push(file);
    openBytes += file.size;
  }
  return batches;
}
