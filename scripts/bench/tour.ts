/**
 * A researcher's tour of a large project in Chromium, through browser mode:
 * N interviews, each with a participant case of its own (generation, gender,
 * platform) and so a speaker of its own, C codes in a two-level tree and
 * their codings. Each step is timed from the action to what it shows, with
 * the API requests it made. This is how two freezes were found: every
 * speaker's merge list held every other speaker (28 s to open the project),
 * and a heatmap of 500 codes never appeared.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { call } from '../../electron/core/dispatcher';
import type { OpName } from '../../shared/api/contract';
import { launchChromium } from '../../test/e2e/harness';
import { startBrowserMode } from './browserMode';
import { benchCore, codeAcross, importInterviews, rng, tempDir, transcript } from './common';

async function buildTourProject(file: string, dir: string, docCount: number, codeCount: number, codingCount: number): Promise<void> {
  const random = rng(3);
  const core = benchCore(dir);
  const run = <T>(op: OpName, input: unknown = {}) => call(core, op, input) as Promise<T>;
  try {
    await run('project.create', { path: file });
    await run('coder.set', { name: 'bench' });
    await importInterviews(run, random, docCount, 8000);
    const documents = await run<{ id: number; length: number }[]>('documents.list');
    for (const [i, doc] of documents.entries()) {
      const attributes = { generation: i % 2 ? 'Gen Z' : 'Milenial', gender: i % 3 ? 'F' : 'M', platform: ['Gojek', 'Grab', 'Maxim', 'Shopee'][i % 4]! };
      await run('cases.create', { name: `P${i + 1}`, attributes, documentIds: [doc.id] });
    }
    const codeIds: number[] = [];
    for (let i = 0; i < codeCount; i++) codeIds.push((await run<{ id: number }>('codes.create', { name: `Theme ${i + 1}`, parentId: i % 10 === 0 ? null : codeIds[Math.floor(i / 10) * 10] })).id);
    await codeAcross(run, random, documents, codeIds, Math.round(codingCount / codeCount));
  } finally {
    core.close();
  }
}

/** The API requests made since entry `from` of the page's resource timing: name, ms, kB. */
async function requestsSince(page: Page, from: number): Promise<string[]> {
  return page.evaluate(
    (start) =>
      performance
        .getEntriesByType('resource')
        .slice(start)
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => e.name.includes('/api/'))
        .map((e) => `${e.name.replace(/^.*\/api\//, '')} ${Math.round(e.responseEnd - e.startTime)} ms ${Math.round(e.encodedBodySize / 1000)} kB`),
    from,
  );
}

export async function benchTour(docCount: number, codeCount: number, codingCount: number): Promise<void> {
  const dir = tempDir('tour');
  const file = path.join(dir, 'tour.tematik');
  await buildTourProject(file, dir, docCount, codeCount, codingCount);
  const server = await startBrowserMode(file);
  const browser = await launchChromium();
  const rows: [string, number, string[]][] = [];
  try {
    const page = await browser.context.newPage();
    const step = async (label: string, act: () => Promise<unknown>, shown: () => Promise<unknown>) => {
      const from = await page.evaluate(() => performance.getEntriesByType('resource').length).catch(() => 0);
      const started = Date.now();
      await act();
      await shown();
      rows.push([label, Date.now() - started, await requestsSince(page, from)]);
    };
    const visible = (selector: string) => () => page.locator(selector).first().waitFor({ timeout: 120_000 });
    const tab = (name: string) => () => page.getByRole('tablist', { name: 'Analysis' }).getByRole('tab', { name, exact: true }).click();

    await step('page load to the codebook', () => page.goto(server.openUrl), visible('.code-tree li'));
    await step('open a transcript', () => page.locator('.doc-link', { hasText: 'interview-0005' }).click(), visible('[data-testid="document-text"] mark'));
    await step("a code's passages", () => page.locator('.code-tree li[data-code="Theme 2"] .code-name').dispatchEvent('click'), visible('.retrieval .passages li .source'));
    await step('Analysis: co-occurrence heatmap', () => page.getByRole('button', { name: 'Analysis', exact: true }).click(), visible('svg.heatmap'));
    await step('heatmap of Gen Z', () => page.getByRole('combobox', { name: /^Cases/ }).first().selectOption({ label: 'generation = Gen Z' }), () =>
      page.waitForFunction(() => document.querySelector('svg.heatmap > text')?.textContent?.includes('Gen Z'), null, { timeout: 120_000 }),
    );
    await step('network', () => page.getByRole('button', { name: 'Network', exact: true }).click(), visible('svg.network'));
    await step('pairs table', () => page.getByRole('button', { name: 'Table', exact: true }).click(), visible('table.pairs tbody tr'));
    await step('code frequencies', tab('Code frequencies'), visible('.chart-view svg, .chart-view table'));
    await step('code × generation', () => page.getByLabel('Crosstab by').selectOption('generation'), visible('table.crosstab td[data-value="Gen Z"]'));
    await step('code × case', () => page.getByLabel('Crosstab by').selectOption('cases'), visible('table.crosstab td[data-case]'));
    await step('word frequencies', tab('Word frequencies'), visible('.word-bars li'));
    await step('project log', tab('Project log'), visible('.audit-view table tbody tr'));
    const download = (click: () => Promise<unknown>) => async () => {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), click()]);
      await file.path();
    };
    await tab('Export dataset')();
    await step('export the dataset (.zip)', download(() => page.getByRole('button', { name: 'Export dataset (.zip)' }).click()), async () => {});
    await tab('Exchange (REFI-QDA)')();
    await step('export the project (.qdpx)', download(() => page.getByRole('button', { name: 'Export project (.qdpx)' }).click()), async () => {});
    await step('back to the heatmap', tab('Co-occurrence'), visible('svg.heatmap'));
    // More interviews into the large project, from the file picker: 100 transcripts (a few dozen to a request) and 20 web pages (one each).
    const more = path.join(dir, 'more');
    fs.mkdirSync(more);
    const random = rng(11);
    for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(more, `more-${i + 1}.txt`), transcript(random, 8000));
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(more, `notes-${i + 1}.html`), `<html><body><p>${transcript(random, 2000).replaceAll('\n', '</p><p>')}</p></body></html>`);
    await step('import 120 more files', () => page.getByTestId('import-input').setInputFiles(fs.readdirSync(more).map((f) => path.join(more, f))), () =>
      page.locator('.import-counts').waitFor({ timeout: 600_000 }),
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await step('search as you type', async () => {
      await page.getByRole('tab', { name: 'Search', exact: true }).click();
      await page.getByRole('searchbox').first().fill('asuransi');
    }, visible('.panel.search .result-count'));
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n## Tour: ${docCount} interviews (a case and a speaker each), ${codeCount} codes, ${codingCount} codings, in Chromium (browser mode)`);
  console.log(`${'step'.padEnd(34)} ${'ms'.padStart(7)}   requests (each: ms to its last byte, size)`);
  for (const [label, ms, requests] of rows) console.log(`${label.padEnd(34)} ${String(ms).padStart(7)}   ${requests.join(' · ')}`);
}
