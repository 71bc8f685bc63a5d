/**
 * The codebook and the passage list at research-group scale, in Chromium
 * through browser mode: a project of C codes (in a two-level tree) and N
 * codings. Reported: page load to the whole codebook drawn, a click on the
 * most used code to its passages listed, and a keystroke in the quick-code
 * box to its suggestions (each timed in the page to the next painted frame).
 */
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../electron/core/dispatcher';
import { launchChromium, selectText } from '../../test/e2e/harness';
import { startBrowserMode } from './browserMode';
import { benchCore, percentile, rng, tempDir, transcript } from './common';

export async function benchPanes(codeCount: number, codingCount: number, runs = 3): Promise<void> {
  const dir = tempDir('panes');
  const random = rng(5);
  fs.mkdirSync(path.join(dir, 'txt'));
  for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(dir, 'txt', `interview-${String(i + 1).padStart(3, '0')}.txt`), transcript(random, 2000));
  const core = benchCore(dir);
  const project = path.join(dir, 'panes.tematik');
  await call(core, 'project.create', { path: project });
  await call(core, 'coder.set', { name: 'bench' });
  await call(core, 'documents.importFiles', { paths: [path.join(dir, 'txt')] });
  const documents = await call(core, 'documents.list', {});
  const codeIds: number[] = [];
  for (let i = 0; i < codeCount; i++) {
    const parentId = i % 10 === 0 ? null : codeIds[Math.floor(i / 10) * 10]!;
    codeIds.push((await call(core, 'codes.create', { name: `Theme ${i + 1}`, parentId })).id);
  }
  // A skewed use of codes, as in a real codebook: the first code carries a tenth of the codings.
  const byCode = new Map<number, { documentId: number; start: number; end: number }[]>();
  for (let k = 0; k < codingCount; k++) {
    const codeId = k % 10 === 0 ? codeIds[1]! : codeIds[Math.floor(random() * codeIds.length)]!;
    const doc = documents[Math.floor(random() * documents.length)]!;
    const start = Math.floor(random() * (doc.length - 400));
    byCode.set(codeId, [...(byCode.get(codeId) ?? []), { documentId: doc.id, start, end: start + 20 + Math.floor(random() * 200) }]);
  }
  for (const [codeId, passages] of byCode) await call(core, 'codings.createMany', { codeId, passages });
  core.close();

  const server = await startBrowserMode(project);
  const browser = await launchChromium();
  const loadMs: number[] = [];
  const passagesMs: number[] = [];
  const keyMs: number[] = [];
  const requestMs: number[] = [];
  const firstByteMs: number[] = [];
  let bodyBytes = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.context.newPage();
      const started = Date.now();
      await page.goto(server.openUrl);
      await page.waitForFunction((n) => document.querySelectorAll('.code-tree li').length >= n, codeCount, { timeout: 60_000 });
      loadMs.push(Date.now() - started);
      // Timed in the page: the click as the page receives it, to the frame after the passages appear.
      await page.evaluate(`(() => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
        window.timing = {
          clicked: new Promise((resolve) => document.addEventListener('click', () => resolve(performance.now()), { capture: true, once: true })),
          listed: new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (!document.querySelector('.retrieval .passages li')) return;
              observer.disconnect();
              frame().then(frame).then(() => resolve(performance.now()));
            });
            observer.observe(document.body, { childList: true, subtree: true });
          }),
        };
      })()`);
      await page.locator('.code-tree li[data-code="Theme 2"] .code-name').dispatchEvent('click');
      const [clicked, listed] = (await page.evaluate('Promise.all([window.timing.clicked, window.timing.listed])')) as number[];
      passagesMs.push(listed! - clicked!);
      // Of that, the request: sent to its last byte received.
      const request = (await page.evaluate(`(() => { const r = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/analysis.retrieve')).at(-1); return r ? [r.requestStart, r.responseStart, r.responseEnd, r.encodedBodySize] : null; })()`)) as number[] | null;
      if (request) {
        requestMs.push(request[2]! - request[0]!);
        firstByteMs.push(request[1]! - request[0]!);
        bodyBytes = request[3]!;
      }
      await page.locator('.doc-link', { hasText: 'interview-001' }).click();
      await page.waitForSelector('[data-testid="document-text"] mark');
      // The quick-code box comes with a selection.
      const shown = (await page.locator('[data-testid="document-text"]').textContent())!;
      await selectText(page, shown.slice(20, 60));
      const box = page.getByPlaceholder(/Type a few letters of a code/);
      await box.focus();
      for (const key of ['T', 'h', 'e', 'm', 'e', ' ', '4', '2']) {
        // From the keystroke to the second frame after it, measured in the page.
        const started = (await page.evaluate('performance.now()')) as number;
        await box.press(key === ' ' ? 'Space' : key);
        const painted = (await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))')) as number;
        keyMs.push(painted - started);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n## Panes: ${codeCount} codes, ${codingCount} codings over 100 documents, ${runs} page loads in Chromium (browser mode)`);
  console.log(`page load to the whole codebook drawn: median ${percentile(loadMs, 50).toFixed(0)} ms`);
  console.log(`click on the most used code (${Math.round(codingCount / 10)}+ passages) to its passages listed: median ${percentile(passagesMs, 50).toFixed(0)} ms (max ${Math.max(...passagesMs).toFixed(0)} ms)`);
  console.log(`  of which the request (${(bodyBytes / 1e6).toFixed(1)} MB): median ${percentile(requestMs, 50).toFixed(0)} ms, to its first byte ${percentile(firstByteMs, 50).toFixed(0)} ms`);
  console.log(`a keystroke in the quick-code box to the next painted frames: p50 ${percentile(keyMs, 50).toFixed(0)} ms, p95 ${percentile(keyMs, 95).toFixed(0)} ms`);
}
