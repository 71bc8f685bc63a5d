/**
 * End-to-end plumbing: browser mode started as a real child process, and
 * Debian's Chromium driven by playwright-core with a fresh profile.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startBrowserMode } from '../../scripts/bench/browserMode';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export const screenshotDir = path.join(repoRoot, 'test-output', 'e2e');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(p)) ?? spawnSync('which', ['chromium'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('Chromium is needed for the end-to-end tests: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

/** Browser mode as a child process (shared with the benchmarks). */
export { startBrowserMode };

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tematik-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: import('playwright-core').Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

export interface Session {
  dir: string;
  page: import('playwright-core').Page;
  close(): Promise<void>;
}

/**
 * A researcher's session: a project in a fresh folder (made by `prepare`, or
 * left to browser mode to create), served in browser mode, opened in Chromium.
 */
export async function openSession(prefix: string, prepare?: (projectPath: string) => Promise<void>): Promise<Session> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tematik-e2e-${prefix}-`));
  const project = path.join(dir, 'study.tematik');
  await prepare?.(project);
  const server = await startBrowserMode(project);
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.goto(server.openUrl);
  return {
    dir,
    page,
    close: async () => {
      await browser.close();
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds the English sample study at the given path. */
export async function sampleStudy(projectPath: string): Promise<void> {
  const { Core } = await import('../../electron/core/core');
  const { call } = await import('../../electron/core/dispatcher');
  const core = new Core({ shell: 'cli', resourceDir: repoRoot, sampleDir: path.dirname(projectPath) });
  await call(core, 'project.openSample', { path: projectPath, lang: 'en' });
  core.close();
}

/** Selects `text` inside the document view the way a drag would, then releases the mouse. */
export async function selectText(page: import('playwright-core').Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const container = document.querySelector('[data-testid="document-text"]')!;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let offset = 0;
    const full = container.textContent!;
    const start = full.indexOf(wanted);
    if (start < 0) throw new Error(`“${wanted}” is not on screen`);
    const end = start + wanted.length;
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent!.length;
      if (start >= offset && start <= offset + length) range.setStart(node, start - offset);
      if (end >= offset && end <= offset + length) {
        range.setEnd(node, end - offset);
        break;
      }
      offset += length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
  await page.locator('[data-testid="document-text"]').dispatchEvent('mouseup');
}
