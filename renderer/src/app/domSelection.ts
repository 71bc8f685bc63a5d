/**
 * Where the user's DOM selection falls in the document, as UTF-16 offsets.
 * The view is virtualised, so the page holds only some blocks: each block's
 * text element carries its start offset, and a point is measured from the
 * start of its own block. A point in a block's margin counts as the block's
 * start.
 */
function pointOffset(root: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const text = element?.closest<HTMLElement>('[data-block-start]');
  if (text && root.contains(text)) {
    const measure = document.createRange();
    measure.setStart(text, 0);
    measure.setEnd(node, offset);
    return Number(text.dataset.blockStart) + measure.toString().length;
  }
  const row = element?.closest<HTMLElement>('[data-row-start]');
  return row && root.contains(row) ? Number(row.dataset.rowStart) : null;
}

export function selectionOffsets(root: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = pointOffset(root, range.startContainer, range.startOffset);
  const end = pointOffset(root, range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

/** The offset of a click (a collapsed selection) in the document, if it fell on the text. */
export function caretOffset(root: HTMLElement): number | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed || !selection.anchorNode) return null;
  return pointOffset(root, selection.anchorNode, selection.anchorOffset);
}
