import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, sampleStudy, screenshot, selectText, type Session } from './harness';

let session: Session;
let page: Page;

const passage = 'I know I should register for BPJS as an independent worker';

beforeAll(async () => {
  session = await openSession('slice', sampleStudy);
  page = session.page;
}, 60_000);

afterAll(() => session?.close());

const selectInDocument = (text: string) => selectText(page, text);

describe('a researcher’s first session in browser mode', () => {
  it('opens the sample study with its documents, codebook and co-occurrence', async () => {
    await expect.poll(() => page.locator('.documents li').count()).toBe(7);
    await expect.poll(() => page.locator('.code-tree li').count()).toBe(19);
    const top = page.locator('.cooccurrence tbody tr').first();
    await expect.poll(() => top.getAttribute('data-pair')).toBe('Income uncertainty + No welfare protection');
    expect(await page.locator('.cooccurrence .rule').textContent()).toContain('share at least one character');
    await screenshot(page, '01-sample-study');
  });

  it('creates a code, codes a selected passage and sees the highlight and the co-occurrence change', async () => {
    await page.getByPlaceholder('New code name').fill('Self-insurance');
    await page.getByRole('button', { name: 'Add code' }).click();
    await expect.poll(() => page.locator('.code-tree li[data-code="Self-insurance"]').count()).toBe(1);

    await page.getByRole('button', { name: /05 Kevin - software developer/ }).click();
    await expect.poll(() => page.locator('[data-testid="document-text"]').textContent()).toContain(passage);
    await selectInDocument(passage);
    expect(await page.locator('.selection-preview').textContent()).toContain(passage);
    // The quick-code box: a few letters and Enter.
    const requests: string[] = [];
    const listen = (request: { url(): string }) => requests.push(new URL(request.url()).pathname);
    page.on('request', listen);
    await page.getByPlaceholder(/Type a few letters of a code/).fill('selfins');
    await page.getByPlaceholder(/Type a few letters of a code/).press('Enter');

    const highlight = page.locator('mark[data-codes*="Self-insurance"]');
    await expect.poll(() => highlight.allTextContents().then((t) => t.join(''))).toBe(passage);
    // The new coding is folded into the document's codings; they are not all fetched again.
    await expect.poll(() => requests).toContain('/api/codes.list');
    page.off('request', listen);
    expect(requests).toContain('/api/codings.create');
    expect(requests).not.toContain('/api/codings.spans');
    // The passage sits inside an existing welfare coding: both layers show on it.
    expect(await highlight.first().getAttribute('data-codes')).toContain('No welfare protection');
    const pair = page.locator('.cooccurrence tr[data-pair="No welfare protection + Self-insurance"] td.num');
    await expect.poll(() => pair.textContent()).toBe('1');
    await expect.poll(() => page.locator('.code-tree li[data-code="Self-insurance"] .count').textContent()).toBe('1');
    // Speaker turns: labels set apart, interviewer questions quieter.
    expect(await page.locator('[data-testid="document-text"] .speaker-label').first().textContent()).toBe('Interviewer: ');
    expect(await page.locator('[data-testid="document-text"] .interviewer-text').first().textContent()).toBe('Thanks for joining, Kevin. Can you describe the work you do?');
    await screenshot(page, '02-coded-passage');
  });

  it('codes with a number key for a most-used code, and in vivo', async () => {
    const shortcut = 'nobody tracks my hours';
    await selectInDocument(shortcut);
    // Key 1 is the most used code of the sample study: Income uncertainty.
    expect(await page.locator('.quick-code .chip').first().textContent()).toBe('1Income uncertainty');
    // Hovering a code shows its guidance card.
    await page.locator('.quick-code .chip').first().hover();
    await expect.poll(() => page.locator('.code-card').textContent()).toContain('Include when…Good and bad months, seasons');
    await page.getByPlaceholder(/Type a few letters of a code/).focus();
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('mark[data-codes*="Income uncertainty"]').allTextContents().then((t) => t.join('|'))).toContain(shortcut);

    await selectInDocument('surfing at Lasiana');
    await page.getByRole('button', { name: 'In vivo' }).click();
    await expect.poll(() => page.locator('.code-tree li[data-code="surfing at Lasiana"] .count').textContent()).toBe('1');
    expect(await page.locator('mark[data-codes="surfing at Lasiana"]').textContent()).toBe('surfing at Lasiana');
  });

  it('undoes and redoes codings and codebook changes with the keyboard', { timeout: 60_000 }, async () => {
    const inVivo = page.locator('.code-tree li[data-code="surfing at Lasiana"]');
    const undo = page.getByRole('button', { name: /Undo/ });
    const redo = page.getByRole('button', { name: /Redo/ });
    expect(await inVivo.count()).toBe(1);
    expect(await undo.getAttribute('title')).toBe('Undo: code in vivo (Ctrl+Z)');

    // Undo removes the in-vivo coding and the code it made; redo puts both back.
    await page.locator('.doc-header h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => redo.isEnabled()).toBe(true);
    expect(await inVivo.count()).toBe(0);
    expect(await page.locator('mark[data-codes="surfing at Lasiana"]').count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => redo.isEnabled()).toBe(false);
    await expect.poll(() => inVivo.count()).toBe(1);
    await expect.poll(() => page.locator('mark[data-codes="surfing at Lasiana"]').count()).toBe(1);

    // Merging, then undoing from the toolbar, brings the code back with its coding.
    await inVivo.hover();
    await page.getByLabel('Merge into… surfing at Lasiana').selectOption({ label: 'Flexibility and autonomy' });
    await page.getByRole('alertdialog').getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => undo.getAttribute('title')).toBe('Undo: merge codes (Ctrl+Z)');
    await expect.poll(() => inVivo.count()).toBe(0);
    await undo.click();
    await expect.poll(() => page.locator('.code-tree li[data-code="surfing at Lasiana"] .count').textContent()).toBe('1');
    await expect.poll(() => page.locator('.code-tree li[data-code="Flexibility and autonomy"] .count').textContent()).toBe('7');
  });

  it('writes a code’s definition and coding guidance', async () => {
    await page.locator('.code-tree li[data-code="Self-insurance"]').hover();
    await page.getByRole('button', { name: 'Code details: Self-insurance' }).click();
    const dialog = page.getByRole('form', { name: 'Code details' });
    await dialog.getByLabel('Description', { exact: true }).fill('Workers insuring themselves');
    await dialog.getByLabel('Include when…', { exact: true }).fill('Saving or buying insurance privately');
    await dialog.getByLabel('Do not include when…').fill('Employer-paid schemes');
    await dialog.getByLabel('Atypical example').fill('Borrowing from a sister');
    await screenshot(page, '02b-code-details');
    await dialog.getByRole('button', { name: 'Save code' }).click();
    const item = page.locator('.code-tree li[data-code="Self-insurance"]');
    await expect.poll(() => item.getAttribute('title')).toBe('Workers insuring themselves\n+ Saving or buying insurance privately\n− Employer-paid schemes\n~ “Borrowing from a sister”');
  });

  it('exports the codings as CSV with the new coding in it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export codings (CSV)' }).click()]);
    const file = path.join(session.dir, download.suggestedFilename());
    await download.saveAs(file);
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(97);
    expect(rows.find((r) => r.code === 'Self-insurance')).toMatchObject({ document: '05 Kevin - software developer', text: passage, coder: 'Peneliti' });
  });

  it('keeps the coding after a reload', async () => {
    await page.reload();
    await page.getByRole('button', { name: /05 Kevin - software developer/ }).click();
    await expect.poll(() => page.locator('mark[data-codes*="Self-insurance"]').allTextContents().then((t) => t.join(''))).toBe(passage);
    expect(await page.locator('.code-tree li[data-code="Self-insurance"]').getAttribute('title')).toContain('Employer-paid schemes');
  });

  it('switches the interface to Bahasa Indonesia and remembers it', async () => {
    await page.getByLabel('Language').selectOption('id');
    await expect.poll(() => page.locator('#codebook-heading').textContent()).toBe('Buku kode');
    expect(await page.locator('#documents-heading').textContent()).toBe('Dokumen');
    expect(await page.locator('.cooccurrence .rule').textContent()).toContain('setidaknya satu karakter');
    await screenshot(page, '03-bahasa-indonesia');
    await page.reload();
    await expect.poll(() => page.locator('#codebook-heading').textContent()).toBe('Buku kode');
    await page.getByLabel('Bahasa').selectOption('en');
    await expect.poll(() => page.locator('#codebook-heading').textContent()).toBe('Codebook');
  });

  it('shows transcript text that looks like HTML as text, never as markup', async () => {
    const hostile = 'Interviewer: <script>window.__xss = 1</script>\nP1: <img src=x onerror="window.__xss = 2"> {{constructor}} <b>bold</b>';
    await page.locator('[data-testid="import-input"]').setInputFiles({ name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile) });
    await expect.poll(() => page.locator('.import-counts').textContent()).toContain('Imported 1');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /^hostile/ }).click();
    await expect.poll(() => page.locator('[data-testid="document-text"]').textContent()).toBe(hostile);
    expect(await page.locator('[data-testid="document-text"] img, [data-testid="document-text"] script, [data-testid="document-text"] b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot(page, '04-html-as-text');
  });
});
