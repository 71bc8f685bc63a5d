/**
 * Where the user's DOM selection falls inside a container whose text content is
 * exactly the document text, as UTF-16 offsets. Measuring with a Range from the
 * container's start is exact whatever spans the highlights split the text into.
 */
export function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const measure = document.createRange();
  measure.setStart(container, 0);
  measure.setEnd(range.startContainer, range.startOffset);
  const start = measure.toString().length;
  return { start, end: start + range.toString().length };
}

