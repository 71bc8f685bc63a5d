/**
 * The document view at scale, in Chromium through browser mode: a transcript
 * of W words with C codings is opened by clicking it in the document list;
 * reported are the time until its text is in the page, the time until the
 * viewport is fully drawn (highlights and margin stripes), the number of DOM
 * elements the view holds, and the frames of a scroll through the document
 * one viewport at a time: each step's time until the second frame after it
 * is painted (two frames, so about 33 ms at best), and the frames that took
 * over 50 ms by Chromium's own account (long animation frames).
 */
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../electron/core/dispatcher';
import { codePointLength } from '../../shared/text/codepoints';
import { launchChromium } from '../../test/e2e/harness';
import { startBrowserMode } from './browserMode';
import { benchCore, percentile, rng, tempDir, transcript } from './common';

export async function benchRender(words: number, codings: number, runs: number): Promise<void> {
  const dir = tempDir('render');
  const random = rng(3);
  const text = transcript(random, words);
  const file = path.join(dir, 'long-interview.txt');
  fs.writeFileSync(file, text);
  const core = benchCore(dir);
  const project = path.join(dir, 'render.tematik');
  await call(core, 'project.create', { path: project });
  await call(core, 'coder.set', { name: 'bench' });
  await call(core, 'documents.importFiles', { paths: [file] });
  const [doc] = await call(core, 'documents.list', {});
  const codeIds: number[] = [];
  for (let i = 0; i < 30; i++) codeIds.push((await call(core, 'codes.create', { name: `Code ${i + 1}` })).id);
  const length = codePointLength(text);
  for (let c = 0; c < codeIds.length; c++) {
    const passages = Array.from({ length: Math.ceil(codings / codeIds.length) }, () => {
      const start = Math.floor(random() * (length - 400));
      return { documentId: doc!.id, start, end: start + 20 + Math.floor(random() * 300) };
    });
    await call(core, 'codings.createMany', { codeId: codeIds[c]!, passages });
  }
  core.close();

  const server = await startBrowserMode(project);
  const browser = await launchChromium();
  const textMs: number[] = [];
  const highlightMs: number[] = [];
  const restedMs: number[] = [];
  const stepMs: number[] = [];
  let elements = 0;
  let longFrames: number[] = [];
  try {
    for (let run = 0; run < 2 * runs; run++) {
      // Odd runs let the pointer rest on the document first, as a researcher's does before clicking.
      const rested = run % 2 === 1;
      const page = await browser.context.newPage();
      await page.goto(server.openUrl);
      await page.waitForSelector('.documents li');
      const link = page.locator('.doc-link', { hasText: 'long-interview' });
      // Timed in the page, from the click as the page receives it to the frame after the first one showing
      // the text (and then the highlights and stripes): no polling from the test driver in between.
      await page.evaluate(`(() => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
        const when = (test) => new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (!test()) return;
            observer.disconnect();
            frame().then(frame).then(() => resolve(performance.now()));
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        window.timings = {
          clicked: new Promise((resolve) => document.addEventListener('click', () => resolve(performance.now()), { capture: true, once: true })),
          shown: when(() => (document.querySelector('[data-testid="document-text"]')?.textContent?.length ?? 0) > 1000),
          drawn: when(() => document.querySelector('mark.coded') && document.querySelector('.stripe')),
        };
      })()`);
      if (rested) {
        await link.hover();
        await page.waitForTimeout(1000);
        await link.click();
      } else {
        // A click with no pointer movement before it: nothing is fetched ahead.
        await link.dispatchEvent('click');
      }
      const [clicked, shownAt, drawnAt] = (await page.evaluate('Promise.all([window.timings.clicked, window.timings.shown, window.timings.drawn])')) as number[];
      const shown = shownAt! - clicked!;
      const drawn = drawnAt! - clicked!;
      if (rested) {
        restedMs.push(drawn);
        await page.close();
        continue;
      }
      textMs.push(shown);
      highlightMs.push(drawn);
      elements = await page.evaluate(() => document.querySelectorAll('[data-testid="document-text"] *').length);
      if (run === 0) {
        stepMs.push(
          // A string, not a function: the TypeScript loader would wrap named helpers in code the page lacks.
          ...((await page.evaluate(`(async () => {
            const view = document.querySelector('[data-testid="document-text"]');
            const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
            const steps = [];
            // Chromium's long animation frames: every frame that took over 50 ms from its start to its paint.
            // The frame that drew the document is reported late, so only frames begun once scrolling began count.
            const long = [];
            const began = performance.now();
            const observer = new PerformanceObserver((list) => long.push(...list.getEntries().filter((e) => e.startTime >= began).map((e) => e.duration)));
            observer.observe({ type: 'long-animation-frame', buffered: false });
            for (let i = 0; i < 200 && view.scrollTop + view.clientHeight < view.scrollHeight; i++) {
              const t0 = performance.now();
              view.scrollTop += view.clientHeight;
              await frame();
              await frame();
              steps.push(performance.now() - t0);
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
            observer.disconnect();
            window.__longFrames = long;
            return steps;
          })()`)) as number[]),
        );
        longFrames = (await page.evaluate('window.__longFrames')) as number[];
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n## Render: one transcript of ${words} words with ${codings} codings, opened ${runs} times in Chromium (browser mode)`);
  console.log(`after the pointer rests a second on the document (its data fetched ahead), click to the viewport fully drawn: median ${percentile(restedMs, 50).toFixed(0)} ms (max ${Math.max(...restedMs).toFixed(0)} ms)`);
  console.log(`click to text shown: median ${percentile(textMs, 50).toFixed(0)} ms; to the viewport fully drawn (highlights and stripes): median ${percentile(highlightMs, 50).toFixed(0)} ms (max ${Math.max(...highlightMs).toFixed(0)} ms); ${elements} elements in the text view`);
  console.log(`scrolling one viewport at a time (${stepMs.length} steps), time to the second painted frame: p50 ${percentile(stepMs, 50).toFixed(0)} ms, p95 ${percentile(stepMs, 95).toFixed(0)} ms, max ${Math.max(...stepMs).toFixed(0)} ms`);
  console.log(`frames over 50 ms while scrolling (Chromium's long animation frames): ${longFrames.length}${longFrames.length ? `, longest ${Math.max(...longFrames).toFixed(0)} ms` : ''}`);
}
