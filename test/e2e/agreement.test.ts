/**
 * Team coding as a research pair does it: a second coder's blind package
 * comes back and is merged through the UI, the agreement table compares the
 * two coders, and one disagreement is resolved into the consensus coder.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, sampleStudy, screenshot, type Session } from './harness';

let session: Session;
let page: Page;
let packagePath: string;

/** The sample study, and a package of its first two interviews coded by Budi: Peneliti's codings, some moved, one left out. */
async function withSecondCoder(projectPath: string): Promise<void> {
  await sampleStudy(projectPath);
  const { Core } = await import('../../electron/core/core');
  const { call } = await import('../../electron/core/dispatcher');
  const root = path.resolve(import.meta.dirname, '..', '..');
  const core = new Core({ shell: 'cli', resourceDir: root, sampleDir: path.dirname(projectPath) });
  await call(core, 'project.open', { path: projectPath });
  const documents = (await call(core, 'documents.list', {})).slice(0, 2);
  const codings = (await call(core, 'codings.list', {})).filter((c) => documents.some((d) => d.id === c.documentId));
  const mainCodes = await call(core, 'codes.list', {});
  packagePath = path.join(path.dirname(projectPath), 'budi.tematik');
  await call(core, 'team.package', { out: packagePath, documentIds: documents.map((d) => d.id), withoutCodings: true });
  await call(core, 'project.open', { path: packagePath });
  await call(core, 'coder.set', { name: 'Budi' });
  const theirs = await call(core, 'documents.list', {});
  const idOf = new Map(documents.map((d) => [d.id, theirs.find((t) => t.name === d.name)!.id]));
  const codes = await call(core, 'codes.list', {});
  const uuidOf = new Map(mainCodes.map((c) => [c.id, c.uuid]));
  for (const [i, c] of codings.entries()) {
    if (i % 5 === 4) continue;
    const shift = i % 3 === 0 ? 12 : 0;
    const code = codes.find((k) => k.uuid === uuidOf.get(c.codeId))!;
    await call(core, 'codings.create', { documentId: idOf.get(c.documentId)!, codeId: code.id, start: c.start, end: c.end + shift });
  }
  core.close();
}

beforeAll(async () => {
  session = await openSession('agreement', withSecondCoder);
  page = session.page;
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Agreement' }).click();
}, 90_000);

afterAll(() => session?.close());

describe('agreement between coders', () => {
  it('merges the second coder’s package and says what came in', async () => {
    await page.getByLabel('Merge a coder’s project…').setInputFiles(packagePath);
    const summary = page.locator('.merge-summary');
    await expect.poll(() => summary.textContent()).toContain('New coders: Budi.');
    expect(await summary.textContent()).toMatch(/Added 0 documents, 0 codes, \d+ codings and 0 cases\./);
  });

  it('compares Peneliti and Budi by sentence, weakest code first, with the methods paragraph', async () => {
    await page.getByRole('checkbox', { name: 'Peneliti' }).check();
    await page.getByRole('checkbox', { name: 'Budi' }).check();
    await page.locator('.agreement-view label:has-text("Unit") select').selectOption('sentence');
    const table = page.locator('table.agreement');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toContain('Unit: Sentences');
    const kappas = (await table.locator('tbody tr:not(.pooled) td[data-stat="kappa"]').allTextContents()).filter((v) => v !== '—').map(Number);
    expect(kappas.length).toBeGreaterThan(0);
    expect([...kappas].sort((a, b) => a - b)).toEqual(kappas);
    expect(await table.locator('tr.pooled td').first().textContent()).toBe('All codes (pooled)');
    expect(await page.getByTestId('methods-paragraph').textContent()).toMatch(/^Coding reliability was checked by independent coding by 2 coders \(Peneliti and Budi\) on 2 documents/);
    await screenshot(page, '20-agreement-table');
  });

  it('lists the disagreements side by side and accepts Budi’s version into the consensus', async () => {
    const first = page.locator('.disagreement').first();
    await first.waitFor();
    expect(await page.locator('.disagreements h3').textContent()).toMatch(/^\d+ passages where the coders differ$/);
    expect(await first.locator('.coder-version').count()).toBe(2);
    const code = await first.getAttribute('data-code');
    await first.getByRole('button', { name: 'Accept Budi’s version' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'consensus' }).count()).toBe(1);
    await first.getByRole('checkbox', { name: 'Discussed' }).click();
    await expect.poll(() => page.locator('.disagreement').first().getAttribute('class')).toContain('discussed');
    expect(code).toBeTruthy();
    await screenshot(page, '21-disagreements');
  });

  it('hides the other coders’ codings in blind mode', async () => {
    await page.getByRole('button', { name: /^01 Rina/ }).click();
    const meta = page.locator('.coding-list-scroll li .meta');
    await expect.poll(async () => (await meta.allTextContents()).some((m) => m.includes('Budi'))).toBe(true);
    await page.getByRole('checkbox', { name: 'Blind: only my codings' }).click();
    await expect.poll(async () => (await meta.allTextContents()).some((m) => m.includes('Budi'))).toBe(false);
    expect((await meta.allTextContents()).every((m) => m.includes('Peneliti'))).toBe(true);
    await page.getByRole('checkbox', { name: 'Blind: only my codings' }).click();
  });
});
