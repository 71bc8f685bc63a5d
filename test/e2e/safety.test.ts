/**
 * Data safety as a researcher meets it: a change shows up in the project
 * log with its coder, a backup made by hand is listed with what changed
 * since, and restoring it brings the earlier state back while keeping the
 * later one as a backup. A change that cannot be saved (the project file
 * moved away) says so and stays on offer until the file is back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, sampleStudy, screenshot, type Session } from './harness';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession('safety', sampleStudy);
  page = session.page;
}, 60_000);

afterAll(() => session?.close());

const codeRow = (name: string) => page.locator(`.code-tree li[data-code="${name}"]`);

describe('backups and the project log', () => {
  it('backs up by hand, then lists the backup with what changed since', async () => {
    await page.getByRole('button', { name: 'Backups…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Backups and trash' });
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => dialog.locator('tr[data-kind="manual"]').count()).toBe(1);
    expect(await dialog.locator('tr[data-kind="manual"]').textContent()).toContain('since then: 0 documents, 0 codes, 0 codings');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByPlaceholder('New code name').fill('Burnout');
    await page.getByRole('button', { name: 'Add code' }).click();
    await expect.poll(() => codeRow('Burnout').count()).toBe(1);

    await page.getByRole('button', { name: 'Backups…' }).click();
    await expect.poll(() => dialog.locator('tr[data-kind="manual"]').textContent()).toContain('+1 codes');
    await screenshot(page, '23-backups');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('shows the change in the project log, with its coder', async () => {
    await page.getByRole('button', { name: 'Analysis', exact: true }).click();
    await page.getByRole('tab', { name: 'Project log' }).click();
    const row = page.locator('table.audit tr[data-op="codes.create"]').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('add a code');
    expect(await row.textContent()).toContain('Peneliti');
    expect(await row.textContent()).toContain('"name":"Burnout"');
    await screenshot(page, '24-project-log');
  });

  it('restores the backup: the code is gone, and the state before the restore is kept', async () => {
    await page.getByRole('button', { name: 'Backups…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Backups and trash' });
    await dialog.locator('tr[data-kind="manual"]').getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => codeRow('Burnout').count()).toBe(0);
    await page.getByRole('button', { name: 'Backups…' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Backups and trash' }).locator('tr[data-kind="before-restore"]').count()).toBe(1);
    expect(await page.getByRole('dialog', { name: 'Backups and trash' }).locator('tr[data-kind="before-restore"]').textContent()).toContain('-1 codes');
    await page.getByRole('dialog', { name: 'Backups and trash' }).getByRole('button', { name: 'Close' }).click();
  });
});

describe('a change that cannot be saved', () => {
  it('says so, keeps the action on offer, and saves it once the project file is back', async () => {
    const project = path.join(session.dir, 'study.tematik');
    const away = path.join(session.dir, 'moved.tematik');
    fs.renameSync(project, away);
    await page.getByPlaceholder('New code name').fill('Night shifts');
    await page.getByRole('button', { name: 'Add code' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('the last change was not saved');
    expect(await codeRow('Night shifts').count()).toBe(0);
    await screenshot(page, '25-not-saved');

    fs.renameSync(away, project);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => codeRow('Night shifts').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
