/**
 * Cutting a document into the blocks a virtualised view renders one by one:
 * paragraphs, each carrying the line breaks that follow it, so that the blocks
 * laid end to end are exactly the text and offsets inside a block add to its
 * start. A paragraph longer than `maxLength` is cut at white space, because a
 * transcript pasted as one line would otherwise be one block of every word.
 * Offsets are UTF-16, the unit the DOM counts in.
 */
export interface TextBlock {
  start: number;
  end: number;
}

export function textBlocks(text: string, maxLength = 2000): TextBlock[] {
  const blocks: TextBlock[] = [];
  const breaks = /\n+/g;
  let start = 0;
  const push = (end: number) => {
    let from = start;
    while (end - from > maxLength) {
      const cut = cutPoint(text, from, from + maxLength);
      blocks.push({ start: from, end: cut });
      from = cut;
    }
    blocks.push({ start: from, end });
    start = end;
  };
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) push(match.index + match[0].length);
  if (start < text.length || blocks.length === 0) push(text.length);
  return blocks;
}

/** After the last white space before `limit`, else at `limit` (never inside a surrogate pair). */
function cutPoint(text: string, from: number, limit: number): number {
  // Searching only the second half keeps blocks from shrinking to a word.
  const floor = from + Math.floor((limit - from) / 2);
  for (let i = limit; i > floor; i--) if (/\s/.test(text[i - 1]!)) return i;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}

/** The index of the block holding `offset` (blocks sorted and contiguous). */
export function blockAt(blocks: readonly TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
