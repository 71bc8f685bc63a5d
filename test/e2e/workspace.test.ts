import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, sampleStudy, screenshot, selectText, type Session } from './harness';

let session: Session;
let page: Page;

const flexible = "There's no typical week. I decide when I work.";
/** A mouse drag with both ends scrolled into view first (dragTo would scroll the sidebar in the middle of the drag). */
const drag = async (source: Locator, target: Locator) => {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 30, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 30, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
};

const quote = () => page.locator('.coding-editor blockquote').textContent();

/** How far the selected coding's stripe is, at top and bottom, from the lines its highlight covers (px). */
const stripeOffset = async () => {
  const stripe = (await page.locator('.stripe.selected').boundingBox())!;
  const marks = await Promise.all((await page.locator('mark.selected-coding').all()).map((mark) => mark.boundingBox()));
  const top = Math.min(...marks.map((box) => box!.y));
  const bottom = Math.max(...marks.map((box) => box!.y + box!.height));
  return Math.max(Math.abs(stripe.y - top), Math.abs(stripe.y + stripe.height - bottom));
};

beforeAll(async () => {
  session = await openSession('workspace', sampleStudy);
  page = session.page;
  await page.getByRole('button', { name: /05 Kevin/ }).click();
  await page.locator('.stripe').first().waitFor();
}, 60_000);

afterAll(() => session?.close());

describe('editing codings in the document view', () => {
  it('picks a coding by its margin stripe, moves its end a word at a time, writes its memo, and undoes the memo', async () => {
    const stripe = page.locator('.stripe[data-code="Flexibility and autonomy"]').first();
    expect(await stripe.getAttribute('title')).toBe('Flexibility and autonomy');
    await stripe.click();
    await expect.poll(quote).toBe(flexible);
    expect(await page.locator('mark.selected-coding').allTextContents()).toEqual([flexible]);
    expect(await stripeOffset()).toBeLessThan(2);

    await page.getByRole('button', { name: 'End one word later' }).click();
    await expect.poll(quote).toBe(`${flexible} Because`);
    await expect.poll(stripeOffset).toBeLessThan(2);
    await page.getByRole('button', { name: 'End one word earlier' }).click();
    await expect.poll(quote).toBe(flexible);
    await page.getByRole('button', { name: 'Start one word later' }).click();
    await expect.poll(quote).toBe(flexible.slice(flexible.indexOf('no typical')));
    await page.getByRole('button', { name: 'Start one word earlier' }).click();
    await expect.poll(quote).toBe(flexible);

    await page.getByLabel('Memo on this coding').fill('Autonomy over hours, but calls at night');
    await page.getByRole('button', { name: 'Save memo', exact: true }).click();
    const listed = page.locator('.coding-list li.selected .coding-memo');
    await expect.poll(() => listed.textContent()).toBe('Autonomy over hours, but calls at night');
    await expect.poll(() => stripe.getAttribute('title')).toBe('Flexibility and autonomy · has a memo');
    await screenshot(page, '12-coding-editor');

    await page.locator('.doc-header h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel('Memo on this coding').inputValue()).toBe('');
    await expect.poll(() => listed.count()).toBe(0);
  });

  it('changes the code of a coding from the editor', async () => {
    const codeSelect = page.locator('.coding-editor select');
    await codeSelect.selectOption((await codeSelect.locator('option', { hasText: 'Work-life balance' }).getAttribute('value'))!);
    await expect.poll(() => page.locator('.stripe.selected').getAttribute('data-code')).toBe('Work-life balance');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.stripe.selected').getAttribute('data-code')).toBe('Flexibility and autonomy');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.locator('.coding-editor').count()).toBe(0);
  });

  it('keeps a memo on the whole document', async () => {
    await page.getByPlaceholder(/Notes on this document/).fill('Works for clients abroad; compare with Putri');
    await page.getByRole('button', { name: 'Save document memo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save document memo' }).count()).toBe(0);
    await page.getByRole('button', { name: /01 Rina/ }).click();
    await expect.poll(() => page.getByPlaceholder(/Notes on this document/).inputValue()).toBe('');
    await page.getByRole('button', { name: /05 Kevin/ }).click();
    await expect.poll(() => page.getByPlaceholder(/Notes on this document/).inputValue()).toBe('Works for clients abroad; compare with Putri');
  });

  it('codes the selected passage with a code dragged from the codebook, then offers it under Recent', async () => {
    const passage = 'Because of the time difference with the Netherlands';
    await selectText(page, passage);
    await expect.poll(() => page.locator('.selection-preview').textContent()).toBe(`“${passage}”`);
    await drag(page.locator('.code-tree li[data-code="Competition"]'), page.locator('[data-testid="document-text"]'));
    await expect.poll(() => page.locator('mark[data-codes="Competition"]').allTextContents()).toContain(passage);
    await selectText(page, 'I often have calls at night');
    await expect.poll(() => page.locator('.recent-codes button').allTextContents()).toEqual(['Competition']);
    await page.locator('.recent-codes').getByRole('button', { name: 'Competition' }).click();
    await expect.poll(() => page.locator('mark[data-codes="Competition"]').allTextContents()).toContain('I often have calls at night');
  });

  it('snaps a rough selection to the whole sentence once chosen in the command palette', async () => {
    await page.locator('.doc-header h2').click();
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Type a command…').fill('sentences');
    await screenshot(page, '13-command-palette');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Snap to').inputValue()).toBe('sentence');
    await selectText(page, 'ime difference with');
    await expect.poll(() => page.locator('.selection-preview').getAttribute('title')).toBe(
      'Because of the time difference with the Netherlands, I often have calls at night, but I can go surfing at Lasiana in the afternoon.',
    );
    await page.keyboard.press('Escape');
    await page.getByLabel('Snap to').selectOption('word');
  });
});

describe('arranging the codebook', () => {
  const row = (name: string) => page.locator(`.code-tree li[data-code="${name}"]`);
  const indent = (name: string) => row(name).evaluate((el) => (el as HTMLElement).style.paddingLeft);

  it('moves a code under another by dragging it, and undoes the move', async () => {
    expect(await indent('Competition')).toBe('14px');

    await drag(row('Competition'), row('Networking'));
    await expect.poll(() => indent('Competition')).toBe('28px');
    await page.locator('.doc-header h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => indent('Competition')).toBe('14px');
    await drag(row('Competition'), page.locator('#codebook-heading'));
    await expect.poll(() => indent('Competition')).toBe('0px');
    await page.keyboard.press('Control+z');
    await expect.poll(() => indent('Competition')).toBe('14px');
  });

  it('splits a code into a copy with all its codings', async () => {
    const count = await row('Inclusivity').locator('.count').textContent();
    await row('Inclusivity').hover();
    await page.getByRole('button', { name: 'Split: Inclusivity' }).click();
    await expect.poll(() => page.getByRole('dialog').locator('input').inputValue()).toBe('Inclusivity (copy)');
    await page.getByRole('dialog').getByRole('button', { name: 'Split' }).click();
    await expect.poll(() => row('Inclusivity (copy)').locator('.count').textContent()).toBe(count);
    expect(Number(count)).toBeGreaterThan(0);
  });
});

describe('starting a new project', () => {
  it('starts from a codebook file exported elsewhere', async () => {
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByLabel('New project starts with').selectOption('file');
    await page.getByTestId('start-codebook-input').setInputFiles({
      name: 'team-codebook.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('path,description\nFamily,Family in gig work\nFamily/Support from family,Help with children or money\n'),
    });
    await expect.poll(() => page.getByLabel('New project starts with').locator('option:checked').textContent()).toBe('team-codebook.csv');
    await page.getByPlaceholder('e.g. kupang-study.tematik').fill(path.join(session.dir, 'second.tematik'));
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.locator('.code-tree li').allTextContents()).toHaveLength(2);
    expect(await page.locator('.code-tree li[data-code="Support from family"]').evaluate((el) => (el as HTMLElement).style.paddingLeft)).toBe('14px');
    // The reads of the project closed failed as it went; that was no error to show.
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
