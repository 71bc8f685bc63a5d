import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../fixtures/import-corpus/corpus';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
let page: Page;
let corpus: string;

beforeAll(async () => {
  session = await openSession('import');
  page = session.page;
  corpus = path.join(session.dir, 'corpus');
  fs.mkdirSync(corpus);
  await writeCorpus(corpus);
}, 90_000);

afterAll(() => session?.close());

/** Drop files on the window as a file manager would. */
async function dropFiles(names: string[]): Promise<void> {
  const files = names.map((name) => ({ name, base64: fs.readFileSync(path.join(corpus, name)).toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    const zone = document.querySelector('[data-testid="drop-zone"]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

const outcome = (file: string) => page.locator(`.import-outcomes li[data-file="${file}"]`);

/** Drops the files and waits for the import's summary; how many requests to `op` the page made meanwhile. */
async function requestsWhileImporting(op: string, names: string[], summary: string): Promise<number> {
  let requests = 0;
  const count = (request: { url(): string }) => request.url().includes(`/api/${op}`) && requests++;
  page.on('request', count);
  await dropFiles(names);
  await expect.poll(() => page.locator('.import-counts').textContent(), { timeout: 30_000 }).toBe(summary);
  page.off('request', count);
  return requests;
}

describe('bringing a folder of transcripts into a new project', { timeout: 60_000 }, () => {
  it('asks who is coding on a new project', async () => {
    await page.getByPlaceholder('Your name or initials').fill('Maya');
    await page.getByRole('button', { name: 'Start coding' }).click();
    await expect.poll(() => page.locator('.coder').textContent()).toContain('Maya');
  });

  it('imports a dropped mix of formats with a survey step, progress and a summary naming every refusal', async () => {
    await dropFiles(['utf8-bom-crlf.txt', 'windows1252.txt', 'voice-tags.vtt', 'word-interview.docx', 'wrapped-lines.pdf', 'survey-semicolon.csv', 'zip-bomb.docx', 'legacy.doc', 'empty.txt', 'photo-named.txt']);

    // The survey pauses the queue for the roles of its columns.
    const survey = page.getByRole('dialog', { name: /Import survey: survey-semicolon\.csv/ });
    await expect.poll(() => survey.count(), { timeout: 20_000 }).toBe(1);
    expect(await survey.getByLabel('Role: Responden').inputValue()).toBe('id');
    expect(await survey.getByLabel('Role: Mengapa Anda memilih kerja gig?').inputValue()).toBe('text');
    await survey.getByLabel('Role: Usia').selectOption('ignore');
    await screenshot(page, '05-survey-roles');
    await survey.getByRole('button', { name: 'Import survey' }).click();

    // The zip bomb takes a moment to refuse: the progress shows it by name.
    await expect.poll(() => page.locator('.progress-label').textContent(), { timeout: 15_000 }).toContain('zip-bomb.docx');
    await screenshot(page, '06-import-progress');

    await expect.poll(() => page.locator('.import-counts').textContent(), { timeout: 30_000 }).toBe('Imported 6, skipped 0 duplicates, 4 failed.');
    expect(await outcome('utf8-bom-crlf.txt').textContent()).toContain('Speakers: Pewawancara, Ayu');
    // Windows-1252 bytes arrive as the same curly quotes and accents (it differs from the UTF-8 file only by its final line break).
    expect(await outcome('windows1252.txt').textContent()).toContain('Imported → windows1252 · Speakers: Pewawancara, Ayu');
    expect(await outcome('survey-semicolon.csv').textContent()).toContain('4 documents');
    expect(await outcome('zip-bomb.docx').textContent()).toContain('zip-bomb.docx would expand to more than 128 MB');
    expect(await outcome('legacy.doc').textContent()).toContain('save it as .docx');
    expect(await outcome('empty.txt').textContent()).toContain('empty.txt is empty.');
    expect(await outcome('photo-named.txt').textContent()).toContain('photo-named.txt is an image');
    await screenshot(page, '07-import-summary');
    await page.getByRole('button', { name: 'Review speakers' }).click();

    await expect.poll(() => page.locator('.documents li').count(), { timeout: 10_000 }).toBe(9);
    const speakers = page.locator('.speakers li');
    await expect.poll(() => speakers.evaluateAll((items) => items.map((i) => i.getAttribute('data-speaker')))).toEqual(['Interviewer', 'Moderator', 'Pewawancara', 'Ayu', 'Dewi', 'Kevin', 'Lina']);
  });

  it('shows the imported text exactly, with the cue times of a subtitle file', async () => {
    await page.getByRole('button', { name: /^voice-tags/ }).click();
    await expect.poll(() => page.locator('[data-testid="document-text"]').textContent()).toContain('[00:00:04] Lina: Terima kasih. Saya pengemudi ojek. Sudah tiga tahun.');
    expect(await page.locator('.doc-source').textContent()).toContain('voice-tags.vtt (vtt)');
    await page.getByRole('button', { name: /^windows1252/ }).click();
    await expect.poll(() => page.locator('[data-testid="document-text"]').textContent()).toContain('Penghasilan “naik turun”, kadang café tutup');
  });

  it('shows only one coder’s codings when asked', async () => {
    // The survey answers were autocoded by Maya; a second coder codes one passage.
    await page.getByRole('button', { name: /survey-semicolon – R01/ }).click();
    await expect.poll(() => page.locator('mark.coded').count()).toBe(2);
    await page.locator('.coder').getByRole('button', { name: 'Change coder' }).click();
    await page.getByPlaceholder('Your name or initials').fill('Budi');
    await page.getByRole('button', { name: 'Start coding' }).click();
    await page.locator('[data-testid="document-text"]').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el.querySelector('span')!);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await page.locator('[data-testid="document-text"]').dispatchEvent('mouseup');
    await page.getByPlaceholder(/Type a few letters of a code/).fill('tantangan');
    await page.getByPlaceholder(/Type a few letters of a code/).press('Enter');
    await expect.poll(() => page.locator('.coding-list li').count()).toBe(3);
    await page.getByLabel('Show codings of').selectOption('Maya');
    await expect.poll(() => page.locator('.coding-list li').count()).toBe(2);
    await page.getByLabel('Show codings of').selectOption('Budi');
    await expect.poll(() => page.locator('.coding-list li').count()).toBe(1);
    await page.getByLabel('Show codings of').selectOption('');
  });

  it('lets the researcher rename and merge speakers and mark an interviewer', async () => {
    const lina = page.locator('.speakers li[data-speaker="Lina"]');
    await lina.getByRole('button', { name: 'Lina' }).click();
    await page.getByLabel('Rename speaker').fill('Lina Bessie');
    await page.getByLabel('Rename speaker').press('Enter');
    const linaCase = page.getByLabel('Case: Lina Bessie');
    await expect.poll(() => linaCase.inputValue()).toBe('Lina');
    await linaCase.fill('Informan 7');
    await linaCase.press('Enter');
    await expect.poll(() => page.getByLabel('Case: Lina Bessie').inputValue()).toBe('Informan 7');

    await page.getByLabel('Merge into… Moderator').selectOption({ label: 'Interviewer' });
    await expect.poll(() => page.locator('.speakers li[data-speaker="Moderator"]').count()).toBe(0);
    await expect.poll(() => page.locator('.speakers li[data-speaker="Interviewer"] .count').textContent()).toBe('4 turns');

    await page.locator('.speakers li[data-speaker="Kevin"]').getByLabel('Interviewer').click();
    await expect.poll(() => page.locator('.speakers li[data-speaker="Kevin"]').getAttribute('class')).toBe('interviewer');
    await screenshot(page, '08-speakers');
  });

  it('adds the starter codebook to a project that has its own codes', async () => {
    const before = await page.locator('.code-tree li').count();
    await page.getByRole('button', { name: 'Add the starter codebook' }).click();
    await expect.poll(() => page.locator('.code-tree li').count()).toBe(before + 19);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('19 codes added, 0 updated.');
    expect(await page.locator('.code-tree li[data-code="Income uncertainty"]').getAttribute('title')).toContain('Irregular, seasonal or falling income');
  });

  it('cancels between files: what finished stays, nothing is half-imported', async () => {
    await dropFiles(['markdown-bold-labels.md', 'zip-bomb.docx', 'page.html', 'prefixed.srt']);
    await expect.poll(() => page.locator('.progress-label').textContent(), { timeout: 15_000 }).toContain('zip-bomb.docx');
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await expect.poll(() => page.locator('.import-counts').textContent(), { timeout: 30_000 }).toBe('Imported 1, skipped 0 duplicates, 1 failed.');
    expect(await page.locator('.modal .warn').textContent()).toContain('cancelled after 2 of 4 files');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.documents li').count()).toBe(10);
    expect(await page.locator('.documents li', { hasText: 'page' }).count()).toBe(0);
  });

  it('sends a semester of plain transcripts a few dozen to a request, and reports each one', async () => {
    const names = Array.from({ length: 70 }, (_, i) => `semester-${String(i + 1).padStart(2, '0')}.txt`);
    names.forEach((name, i) => fs.writeFileSync(path.join(corpus, name), `Pewawancara: Minggu ${i + 1}, bagaimana orderan?\nInforman ${i + 1}: Sepi, saya tunggu di pangkalan.\nPewawancara: Lalu?\nInforman ${i + 1}: Pulang malam.`));
    const uploads = await requestsWhileImporting('documents.importUploads', names, 'Imported 70, skipped 0 duplicates, 0 failed.');
    // 64 to an upload (shared/import/uploadBatches.ts).
    expect(uploads).toBe(2);
    expect(await outcome('semester-70.txt').textContent()).toContain('Speakers: Pewawancara, Informan 70');
    await screenshot(page, '07b-import-semester');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.documents li').count()).toBe(80);
  });

  it('imports files that go one to a request without re-reading the project after each', async () => {
    // Web pages travel alone, as Word and PDF files do.
    const names = Array.from({ length: 24 }, (_, i) => `notes-${String(i + 1).padStart(2, '0')}.html`);
    names.forEach((name, i) => fs.writeFileSync(path.join(corpus, name), `<html><body><p>Pewawancara: Catatan ${i + 1}?</p><p>Informan: Ramai sekali hari ${i + 1}.</p></body></html>`));
    const reads = await requestsWhileImporting('documents.list', names, 'Imported 24, skipped 0 duplicates, 0 failed.');
    // Every two seconds at most, and once at the end; after each file it was 24 times, each slower than the last in a large project.
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThan(6);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.documents li').count()).toBe(104);
  });
});
