import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tempProject';
import { openSession, sampleStudy, screenshot, type Session } from './harness';

let session: Session;
let page: Page;

/** The sample study with one more code on 400 short passages spread over its transcripts, and 300 more transcripts. */
async function withLongCode(projectPath: string): Promise<void> {
  await sampleStudy(projectPath);
  const { Core } = await import('../../electron/core/core');
  const { call } = await import('../../electron/core/dispatcher');
  const core = new Core({ shell: 'cli', resourceDir: repoRoot, sampleDir: path.dirname(projectPath) });
  await call(core, 'project.open', { path: projectPath });
  const code = await call(core, 'codes.create', { name: 'Every few words' });
  const passages: { documentId: number; start: number; end: number }[] = [];
  for (const doc of await call(core, 'documents.list', {})) {
    for (let start = 0; start + 10 <= doc.length && passages.length < 400; start += 40) passages.push({ documentId: doc.id, start, end: start + 10 });
  }
  await call(core, 'codings.createMany', { codeId: code.id, passages });
  // Sixty facets of one opening passage: every two of them co-occur.
  const [first] = await call(core, 'documents.list', {});
  for (let i = 1; i <= 60; i++) {
    const facet = await call(core, 'codes.create', { name: `Facet ${i}` });
    await call(core, 'codings.createMany', { codeId: facet.id, passages: [{ documentId: first!.id, start: 0, end: 30 + i }] });
  }
  // A semester's worth of short transcripts besides the study's own, each with an informant of its own.
  const files = Array.from({ length: 300 }, (_, i) => ({
    fileName: `week-${String(i + 1).padStart(3, '0')}.txt`,
    bytes: Buffer.from(`Pewawancara: Minggu ${i + 1}?\nInforman ${i + 1}: Ramai.\nPewawancara: Lalu?\nInforman ${i + 1}: Pulang.`),
  }));
  for (let at = 0; at < files.length; at += 32) await call(core, 'documents.importUploads', { files: files.slice(at, at + 32) });
  core.close();
}

beforeAll(async () => {
  session = await openSession('long-lists', withLongCode);
  page = session.page;
}, 60_000);

afterAll(() => session?.close());

describe('a code with hundreds of passages', { timeout: 60_000 }, () => {
  it('lists them a screen at a time and fetches the rest as the researcher scrolls to the end', async () => {
    await page.locator('.code-tree li[data-code="Every few words"]').getByRole('button', { name: 'Every few words' }).click();
    await expect.poll(() => page.locator('.retrieval .result-count').textContent()).toBe('400 passages');
    const rows = page.locator('.retrieval .passages li');
    await expect.poll(() => rows.first().locator('.source').count()).toBe(1);
    // Drawn a screen at a time, not all 400.
    expect(await rows.count()).toBeLessThan(60);
    const list = page.locator('.retrieval .passages-scroll');
    // The last rows arrive from a later window. Rows are measured as they are drawn, so the end moves while they arrive:
    // scroll to it and read the last row in one step, until it is drawn with its passage and nothing is still loading.
    const lastPassage = () =>
      list.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
        if (element.querySelector('li.pending')) return '';
        const row = element.querySelector('li[data-index="399"]');
        return row?.querySelector('.source') ? (row.querySelector('mark')?.textContent ?? '') : '';
      });
    await expect.poll(lastPassage, { timeout: 15_000 }).not.toBe('');
    await screenshot(page, '09d-long-list-end');
  });
});

describe('a project with hundreds of transcripts', { timeout: 60_000 }, () => {
  it('lists them a screen at a time in a box of their own, the codebook still in view', async () => {
    const documents = page.locator('.documents li');
    await expect.poll(() => documents.count()).toBeGreaterThan(0);
    expect(await documents.count()).toBeLessThan(60);
    const heading = await page.locator('#codebook-heading').boundingBox();
    expect(heading!.y + heading!.height).toBeLessThan(page.viewportSize()!.height);
    // The last transcript is drawn once the box is scrolled to the end, and opens like any other.
    const box = page.locator('.document-rows');
    await expect
      .poll(async () => {
        await box.evaluate((element) => (element.scrollTop = element.scrollHeight));
        return page.getByRole('button', { name: /^week-300/ }).count();
      })
      .toBe(1);
    await page.getByRole('button', { name: /^week-300/ }).click();
    await expect.poll(() => page.locator('.doc-title h2').textContent()).toBe('week-300');
    await screenshot(page, '09e-many-documents');
  });
});

describe('a project with hundreds of speakers', { timeout: 60_000 }, () => {
  it('lists them a screen at a time, and a merge list offers every other speaker once it is opened', async () => {
    const rows = page.locator('.speakers li');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThan(60);
    // A closed merge list holds only its prompt: every other speaker in every row was 90,000 options here, and a page that froze for seconds.
    expect(await page.locator('.speakers option').count()).toBe(await rows.count());
    const speakers = (await page.evaluate(() => fetch('/api/speakers.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.json()))) as { result: { name: string }[] };
    expect(speakers.result.length).toBeGreaterThan(300);
    const source = (await rows.nth(5).getAttribute('data-speaker'))!;
    const merge = page.getByLabel(`Merge into… ${source}`);
    await merge.focus();
    await expect.poll(() => merge.locator('option').count()).toBe(speakers.result.length);
    await merge.selectOption({ label: 'Informan 300' });
    await expect.poll(() => page.locator(`.speakers li[data-speaker="${source}"]`).count()).toBe(0);
    await screenshot(page, '09f-many-speakers');
  });
});

describe('a codebook too large for one chart', { timeout: 60_000 }, () => {
  it('draws the heatmap of the 50 codes that co-occur most, says so, and tables the 500 strongest pairs', async () => {
    await page.getByRole('button', { name: 'Analysis', exact: true }).click();
    const heatmap = page.locator('svg.heatmap');
    await heatmap.waitFor();
    // A cell for every two of the 50 codes shown, not of all of them.
    expect(await heatmap.locator('rect').count()).toBe(50 * 50);
    const note = page.locator('.chart-area .hint');
    await expect.poll(() => note.textContent()).toMatch(/^Showing the 50 codes that co-occur most, of \d+\. /);
    const total = Number(/of (\d+)\./.exec((await note.textContent())!)![1]);
    expect(total).toBeGreaterThan(60);
    // The exported figure says it too.
    expect(await heatmap.locator('> text').last().textContent()).toContain('Showing the 50 codes that co-occur most');
    await screenshot(page, '09g-capped-heatmap');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await expect.poll(() => page.locator('table.pairs tbody tr').count()).toBe(500);
    expect(await page.locator('.chart-area .hint').textContent()).toMatch(/^The 500 strongest of \d+ pairs/);
  });
});

describe('a code × case table of hundreds of cases', { timeout: 60_000 }, () => {
  it('shows the first hundred cases and says how to see the rest', async () => {
    await page.getByRole('tablist', { name: 'Analysis' }).getByRole('tab', { name: 'Code frequencies' }).click();
    await page.getByLabel('Crosstab by').selectOption('cases');
    const headers = page.locator('table.matrix thead th');
    // The code column and a hundred cases.
    await expect.poll(() => headers.count()).toBe(101);
    expect(await page.locator('.chart-view .hint').first().textContent()).toMatch(/^The first 100 of \d{3} cases: narrow them with Cases above/);
  });
});
