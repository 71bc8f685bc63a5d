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

/** Select the text between two UTF-16 offsets of the container and scroll it into view. */
export function selectOffsets(container: HTMLElement, start: number, end: number): boolean {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      (range.startContainer.parentElement ?? container).scrollIntoView({ block: 'center' });
      return true;
    }
    offset += length;
  }
  return false;
}
