/**
 * REFI-QDA through the UI: the sample study exported for NVivo (a valid
 * .qdpx with the right file layout), an ATLAS.ti project imported with its
 * codebook, and the exported file imported again through Import, which
 * matches everything and adds nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, sampleStudy, screenshot, type Session } from './harness';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'refi-qda');
let session: Session;
let page: Page;
let exported: string;

beforeAll(async () => {
  session = await openSession('exchange', sampleStudy);
  page = session.page;
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Exchange (REFI-QDA)' }).click();
}, 60_000);

afterAll(() => session?.close());

describe('REFI-QDA exchange in the app', () => {
  it('exports the project for NVivo as a valid .qdpx, saying how positions are written', async () => {
    await page.locator('.exchange-view label:has-text("Positions written for") select').selectOption('nvivo');
    expect(await page.getByTestId('target-explained').textContent()).toContain('UTF-16 code units');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export project (.qdpx)' }).click()]);
    expect(download.suggestedFilename()).toBe('study.qdpx');
    exported = path.join(session.dir, 'study.qdpx');
    fs.copyFileSync((await download.path())!, exported);
    const entries = unzipSync(fs.readFileSync(exported));
    expect(Object.keys(entries).filter((n) => n.startsWith('sources/')).length).toBe(7);
    const xml = new TextDecoder().decode(entries['project.qde']);
    expect(xml).toContain('origin="Tematik 0.1 (positions for NVivo: UTF-16 code units)"');
    const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [fs.readFileSync(path.join(fixtures, 'Project.xsd'), 'utf8')] });
    expect(result.valid).toBe(true);
  });

  it('imports an ATLAS.ti project and shows its codes in the codebook', async () => {
    await page.getByLabel('Import a .qdpx or .qdc…').setInputFiles(path.join(fixtures, 'ponte_target-atlas-project.qdpx'));
    const summary = page.locator('.exchange-view .exchange-summary');
    await expect.poll(() => summary.textContent()).toContain('added 0 documents, 3 codes, 0 codings, 0 cases and 0 memos.');
    expect(await summary.textContent()).toContain('ATLAS.ti for Windows 23.2.3.27778');
    await expect.poll(() => page.locator('.codebook li[data-code="Commits"]').count()).toBe(1);
    expect(await page.locator('.codebook li[data-code="2022-05-10T02:05:59Z 19e4dce"]').getAttribute('style')).toContain('padding-left: 14px');
    await screenshot(page, '22-exchange');
  });

  it('imports its own export through Import transcripts and adds nothing', async () => {
    await page.getByTestId('import-input').setInputFiles(exported);
    const dialog = page.getByRole('dialog', { name: 'Import summary' });
    await dialog.waitFor();
    const text = await dialog.locator('.exchange-summary').textContent();
    expect(text).toContain('added 0 documents, 0 codes, 0 codings, 0 cases');
    expect(text).toMatch(/Already in this project \(matched by their identity\): 7 documents, \d+ codes, \d+ codings, 7 cases\./);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
