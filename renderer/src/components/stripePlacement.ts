/**
 * Where each margin stripe sits beside its block: from the top of the line
 * its coding starts on to the bottom of the line it ends on (or the block's
 * edge when it runs on into the next block).
 *
 * Placing a stripe means reading the layout and writing a style. Done block
 * by block, every write would force the next read to lay the page out again
 * (dozens of layouts for one opened document), so blocks only enqueue
 * themselves and one flush reads every position first and then writes them
 * all: a single layout. The flush runs after React has committed all blocks,
 * and again for the blocks a shared ResizeObserver reports resized. Styles
 * are written straight onto the stripes; a state update would draw every
 * block twice.
 */
interface BlockStripes {
  text: HTMLElement;
  gutter: HTMLElement;
  start: number;
  end: number;
  /** Coding id → its UTF-16 range. */
  ranges: Map<number, { from: number; to: number }>;
}

export class StripePlacer {
  private readonly blocks = new Map<HTMLElement, BlockStripes>();
  private readonly queued = new Set<BlockStripes>();
  /** Each block's size when its stripes were last placed. */
  private readonly placedSize = new WeakMap<BlockStripes, { width: number; height: number }>();
  private readonly observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const block = this.blocks.get(entry.target as HTMLElement);
      const size = entry.borderBoxSize[0];
      const placed = block && this.placedSize.get(block);
      // The observer also reports every block once when it starts watching it: already placed.
      if (block && !(placed && size && Math.abs(placed.width - size.inlineSize) < 0.5 && Math.abs(placed.height - size.blockSize) < 0.5)) this.queued.add(block);
    }
    if (this.queued.size > 0) this.flush();
  });

  /** Adds (or refreshes) a block; returns what removes it. */
  track(block: BlockStripes): () => void {
    this.blocks.set(block.text, block);
    this.queued.add(block);
    this.observer.observe(block.text);
    return () => {
      this.queued.delete(block);
      if (this.blocks.get(block.text) !== block) return;
      this.blocks.delete(block.text);
      this.observer.unobserve(block.text);
    };
  }

  flush(): void {
    const placements: Array<{ stripe: HTMLElement; top: number; height: number }> = [];
    for (const block of this.queued) {
      const { size, stripes } = measure(block);
      this.placedSize.set(block, size);
      placements.push(...stripes);
    }
    this.queued.clear();
    for (const { stripe, top, height } of placements) {
      stripe.style.top = `${top}px`;
      stripe.style.height = `${height}px`;
    }
  }

  disconnect(): void {
    this.observer.disconnect();
  }
}

interface Measured {
  size: { width: number; height: number };
  stripes: Array<{ stripe: HTMLElement; top: number; height: number }>;
}

function measure({ text, gutter, start, end, ranges }: BlockStripes): Measured {
  const base = text.getBoundingClientRect();
  const stripes = [];
  for (const stripe of gutter.querySelectorAll<HTMLElement>('.stripe')) {
    const range = ranges.get(Number(stripe.dataset.id));
    if (!range) continue;
    const first = range.from > start ? text.querySelector(`[data-s="${range.from}"]`) : null;
    const last = range.to < end ? text.querySelector(`[data-e="${range.to}"]`) : null;
    const top = first ? first.getBoundingClientRect().top - base.top : 0;
    const bottom = last ? last.getBoundingClientRect().bottom - base.top : base.height;
    stripes.push({ stripe, top, height: Math.max(6, bottom - top) });
  }
  return { size: { width: base.width, height: base.height }, stripes };
}
