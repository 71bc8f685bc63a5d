import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, sampleStudy, screenshot, type Session } from './harness';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession('analysis', sampleStudy);
  page = session.page;
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.locator('svg.heatmap').waitFor();
}, 60_000);

afterAll(() => session?.close());

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

const passageSources = () => page.locator('.pair-passages .source').allTextContents();

describe('the analysis screens', () => {
  it('draws the co-occurrence heatmap, restricts it to Gen Z, and opens the passages behind a cell', async () => {
    const pair = 'Income uncertainty + No welfare protection';
    // The matrix is symmetric: the pair has a cell on each side of the diagonal.
    const cell = page.locator(`svg.heatmap rect[data-pair="${pair}"]`).first();
    expect(await cell.locator('title').textContent()).toMatch(/^Income uncertainty \+ No welfare protection: 5 \(c = /);
    await screenshot(page, '14-heatmap');

    await page.getByRole('combobox', { name: /^Cases/ }).selectOption({ label: 'generation = Gen Z' });
    await expect.poll(() => page.locator('svg.heatmap > text').first().textContent()).toBe('Co-occurring codes (generation = Gen Z)');
    await expect.poll(() => cell.locator('title').textContent()).toMatch(/: 3 \(c = /);
    await page.getByRole('combobox', { name: /^Compare with/ }).selectOption({ label: 'generation = Milenial' });
    const compared = page.locator('table.comparison tr[data-pair="Income uncertainty + No welfare protection"] td');
    await expect.poll(() => compared.allTextContents()).toEqual(['Income uncertainty', 'No welfare protection', '3', '2', '-1']);
    await cell.click();
    await expect.poll(() => page.locator('.pair-passages h3').textContent()).toBe('Passages behind Income uncertainty + No welfare protection (6)');
    for (const source of await passageSources()) expect(source).toMatch(/^(Income uncertainty|No welfare protection) · /);
    await screenshot(page, '15-heatmap-gen-z-passages');
  });

  it('exports the chart as SVG with its title and rule, and as PNG', async () => {
    await page.getByRole('combobox', { name: /^Compare with/ }).selectOption({ label: 'all cases' });
    const svg = await download(() => page.getByRole('button', { name: 'SVG', exact: true }).click());
    expect(svg.name).toBe('tematik-heatmap-overlap-gen-z.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('Co-occurring codes (generation = Gen Z)');
    expect(text).toContain('share at least one character');
    const png = await download(() => page.getByRole('button', { name: 'PNG', exact: true }).click());
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000);
  });

  it('shows the network under the same-document rule, and an edge opens its passages', async () => {
    await page.getByRole('combobox', { name: /^Cases/ }).selectOption({ label: 'all cases' });
    await page.getByLabel('Rule').selectOption('document');
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.locator('svg.network').waitFor();
    expect(await page.locator('svg.network .node').count()).toBeGreaterThan(10);
    // Edges cross in a dense graph, so the click goes to the edge itself rather than to a point that another edge may cover.
    await page.locator('svg.network .edge[data-pair="Income uncertainty + No welfare protection"]').dispatchEvent('click');
    await expect.poll(() => page.locator('.pair-passages h3').textContent()).toMatch(/^Passages behind Income uncertainty \+ No welfare protection \(\d+\)$/);
    await screenshot(page, '16-network');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const row = page.locator('table.pairs tr[data-pair="Income uncertainty + No welfare protection"] td');
    // Six documents hold both (five of them with overlapping codings).
    expect(await row.nth(2).textContent()).toBe('6');
  });

  it('crosstabs code frequencies by generation', async () => {
    await page.getByRole('tab', { name: 'Code frequencies' }).click();
    await page.getByLabel('Crosstab by').selectOption('generation');
    await expect.poll(() => page.locator('table.crosstab tr[data-code="Flexibility and autonomy"] td[data-value="Gen Z"]').textContent()).toBe('4 (100%)');
    await page.getByLabel('Crosstab by').selectOption('cases');
    await page.getByLabel('0/1 presence instead of codings').check();
    await expect.poll(() => page.locator('table.matrix tr[data-code="Flexibility and autonomy"] td[data-case="Yohanes"]').textContent()).toBe('0');
    expect(await page.locator('table.matrix tr[data-code="Flexibility and autonomy"] td[data-case="Rina"]').textContent()).toBe('1');
  });

  it('lists word frequencies and leaves out a word the researcher makes a stop word', async () => {
    await page.getByRole('tab', { name: 'Word frequencies' }).click();
    await page.locator('.word-bars li').first().waitFor();
    const first = await page.locator('.word-bars li').first().getAttribute('data-word');
    await page.getByRole('button', { name: `Leave out “${first}” (make it a stop word)` }).click();
    await expect.poll(() => page.locator(`.word-bars li[data-word="${first}"]`).count()).toBe(0);
    await page.getByRole('button', { name: `${first} ×`, exact: true }).click();
    await expect.poll(() => page.locator(`.word-bars li[data-word="${first}"]`).count()).toBe(1);
  });

  it('writes a chapter draft as a Word file with its themes and quotes', async () => {
    await page.getByRole('tab', { name: 'Chapter report' }).click();
    await page.getByRole('checkbox', { name: 'Income uncertainty' }).check();
    await page.getByRole('checkbox', { name: 'Networking' }).check();
    await page.getByLabel('Per group of').selectOption('generation');
    await screenshot(page, '17-report');
    const docx = await download(() => page.getByRole('button', { name: 'Write the chapter' }).click());
    expect(docx.name).toBe('study-thematic-summary.docx');
    const { value } = await mammoth.convertToHtml({ buffer: docx.bytes });
    expect(value).toContain('<h1>Income uncertainty</h1>');
    expect(value).toContain('<h1>Networking</h1>');
    expect(value).toContain('Kalau laptop rusak, ya berhenti kerja, tidak ada kantor yang ganti.');
    expect(value).toMatch(/Gen Z<\/p><\/td><td><p>4\/4 \(100%\)/);
    // The reach of both themes per generation and their co-occurrence, as figures.
    expect(value.match(/<img /g)).toHaveLength(2);
  });

  it('exports the mixed-methods dataset as one zip for Excel', async () => {
    await page.getByRole('tab', { name: 'Export dataset' }).click();
    await page.getByLabel(/For Excel/).check();
    const zip = await download(() => page.getByRole('button', { name: 'Export dataset (.zip)' }).click());
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['codings.csv', 'codings-with-cases.csv', 'code-by-generation.csv', 'cooccurrence.csv', 'words.csv']));
    const presence = files['code-case-presence.csv']!;
    expect([...presence.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(presence).startsWith('code;path;')).toBe(true);
  });
});

describe('a long export', () => {
  it('shows its progress and, cancelled, saves nothing', async () => {
    await page.getByRole('tab', { name: 'Export dataset' }).click();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The export held back, as a thousand transcripts would take seconds.
    await page.route('**/api/export.dataset', async (route) => {
      await held;
      await route.continue();
    });
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export dataset (.zip)' }).click();
    const progress = page.locator('.chart-view [role="status"]').filter({ has: page.locator('progress') });
    await expect.poll(() => progress.textContent()).toContain('Starting…');
    expect(await page.getByRole('button', { name: 'Export dataset (.zip)' }).isDisabled()).toBe(true);
    await screenshot(page, '18b-export-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('.notice span').first().textContent()).toBe('Export cancelled; nothing was saved.');
    expect(await progress.count()).toBe(0);
    // The request, let through after the cancel, is done in the core but its file is dropped.
    const answered = page.waitForResponse('**/api/export.dataset');
    release();
    await answered;
    await page.unroute('**/api/export.dataset');
    await page.waitForTimeout(300);
    expect(downloads).toBe(0);
    expect(await page.getByRole('button', { name: 'Export dataset (.zip)' }).isEnabled()).toBe(true);
  });
});

describe('while the project is read', () => {
  it('says it is working while a slow read runs, and names the problem when a read fails', async () => {
    await page.getByRole('tab', { name: 'Word frequencies' }).click();
    await page.locator('.word-bars li').first().waitFor();

    const activity = page.locator('.topbar .activity');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // Word frequencies held back, as a thousand transcripts would take a second or two.
    await page.route('**/api/analysis.words', async (route) => {
      await held;
      await route.continue();
    });
    // In English, which this view has not counted yet.
    await page.locator('.chart-view select').first().selectOption('en');
    await expect.poll(() => activity.textContent()).toBe('Working…');
    await screenshot(page, '17b-working');
    release();
    await page.locator('.word-bars li').first().waitFor();
    await expect.poll(() => activity.textContent()).toBe('');
    await page.unroute('**/api/analysis.words');

    // A read that fails says why instead of leaving its view empty.
    await page.route('**/api/analysis.words', (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'project_moved', params: { file: 'study.tematik' }, message: 'moved' } }) }),
    );
    await page.getByLabel('include interviewer turns').check();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('study.tematik was moved, renamed or deleted while open');
    await page.unroute('**/api/analysis.words');
    await page.getByRole('alert').getByRole('button', { name: 'Close' }).click();
  });
});
