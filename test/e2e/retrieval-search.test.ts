import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, sampleStudy, screenshot, type Session } from './harness';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession('retrieval', sampleStudy);
  page = session.page;
}, 60_000);

afterAll(() => session?.close());

const genZ = ['Dedi', 'Kevin', 'Putri', 'Rina'];

describe('finding passages again', { timeout: 60_000 }, () => {
  it('lists a code’s passages with their sources and filters them by a case attribute', async () => {
    await page.locator('.code-tree li[data-code="Income uncertainty"]').getByRole('button', { name: 'Income uncertainty' }).click();
    const count = page.locator('.retrieval .result-count');
    await expect.poll(() => count.textContent()).toBe('14 passages');
    await page.getByLabel('Cases', { exact: true }).selectOption({ label: 'generation = Gen Z' });
    // The filtered count, once it has arrived (not the previous one, nor the text shown while loading); then its rows.
    await expect.poll(() => count.textContent()).toMatch(/^(?!14 )\d+ passages$/);
    const filtered = Number((await count.textContent())!.split(' ')[0]);
    expect(filtered).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.retrieval .source').count()).toBe(filtered);
    const sources = await page.locator('.retrieval .source').allTextContents();
    for (const source of sources) expect(genZ.some((name) => source.endsWith(name))).toBe(true);
    expect(await count.textContent()).toBe(`${sources.length} passages`);
    await screenshot(page, '09-retrieval-gen-z');
  });

  it('opens a passage in its document, selected and ready to code', async () => {
    const first = page.locator('.retrieval .passages li').first();
    const passage = await first.locator('mark').textContent();
    await first.locator('button.passage').click();
    await expect.poll(() => page.locator('.selection-preview').textContent()).toContain(passage!.slice(0, 40));
    await expect.poll(() => page.locator('[data-testid="document-text"] .pending').allTextContents().then((t) => t.join(''))).toBe(passage);
    await screenshot(page, '09b-passage-opened');
  });

  it('marks a passage as a key quote for the chapter report, shown with a star wherever the coding is listed, and undoes it', async () => {
    const first = page.locator('.retrieval .passages li').first();
    const star = first.getByRole('button', { name: 'Key quote for the report' });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    expect(await star.textContent()).toBe('★');
    const listed = page.locator('.coding-list li', { has: page.locator('.key-quote-mark') });
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.getAttribute('data-coding')).toBe('Income uncertainty');
    await screenshot(page, '09c-key-quote');
    await page.locator('.doc-header h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => listed.count()).toBe(0);
  });

  it('searches with Indonesian stemming and codes all hits at once', async () => {
    await page.getByRole('tab', { name: 'Search' }).click();
    await page.getByRole('searchbox').fill('bersaing');
    await page.getByLabel('Stemming').selectOption('id');
    await expect.poll(() => page.locator('.search .result-count').textContent(), { timeout: 10_000 }).toBe('4 hits');
    expect(await page.locator('.search .passage mark').allTextContents()).toEqual(['Persaingan', 'persaingan', 'persaingan', 'Saingan']);
    await screenshot(page, '10-search');

    const before = Number(await page.locator('.code-tree li[data-code="Competition"] .count').textContent());
    await page.getByLabel('Code all hits as').selectOption({ label: 'Competition' });
    await page.locator('.code-all').getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Coded 4 new passages');
    await expect.poll(() => page.locator('.code-tree li[data-code="Competition"] .count').textContent()).toBe(String(before + 4));
  });

  it('runs an AND query and saves its passages as a new code', async () => {
    await page.getByRole('tab', { name: 'Query' }).click();
    await page.getByPlaceholder('e.g. "Income uncertainty" AND Stigma').fill('"Income uncertainty" AND "No welfare protection"');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect.poll(() => page.locator('.query .result-count').textContent()).toBe('5 passages');
    expect(await page.locator('.query .passage .context').first().textContent()).toBe('Kalau laptop rusak, ya berhenti kerja, tidak ada kantor yang ganti.');
    await page.getByLabel('Save the passages as a new code').fill('Precarity');
    await page.getByRole('button', { name: 'Save as code' }).click();
    await expect.poll(() => page.locator('.code-tree li[data-code="Precarity"] .count').textContent()).toBe('5');
    await screenshot(page, '11-query');
  });

  it('merges one code into another from the codebook', async () => {
    const before = Number(await page.locator('.code-tree li[data-code="Income uncertainty"] .count').textContent());
    await page.locator('.code-tree li[data-code="Precarity"]').hover();
    await page.getByLabel('Merge into… Precarity').selectOption({ label: 'Income uncertainty' });
    await page.getByRole('alertdialog').getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => page.locator('.code-tree li[data-code="Precarity"]').count()).toBe(0);
    // Every AND passage here is exactly an Income uncertainty coding by the same coder, so all collapse.
    expect(Number(await page.locator('.code-tree li[data-code="Income uncertainty"] .count').textContent())).toBe(before);
  });
});

