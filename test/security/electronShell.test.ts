import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { repoRoot } from '../helpers/tempProject';

const exposed = new Map<string, unknown>();
const handlers = new Map<string, (...args: unknown[]) => unknown>();
const appListeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
  app: {
    getAppPath: () => repoRoot,
    getPath: () => '/tmp',
    on: (event: string, fn: (...args: unknown[]) => void) => appListeners.set(event, fn),
    whenReady: () => new Promise(() => {}),
    quit: vi.fn(),
  },
  BrowserWindow: vi.fn(),
  dialog: {},
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
}));

describe('Electron window security', () => {
  beforeEach(() => exposed.clear());

  it('creates windows with context isolation, no Node and a sandbox', async () => {
    const { windowOptions } = await import('../../electron/main/windowOptions');
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('exposes only the generic call, a change signal, the file picker and the menu bridge to the page', async () => {
    await import('../../electron/preload/index');
    expect([...exposed.keys()].sort()).toEqual(['tematik', 'tematikHost']);
    expect(Object.keys(exposed.get('tematik') as object).sort()).toEqual(['call', 'onChanged']);
    expect(Object.keys(exposed.get('tematikHost') as object)).toEqual(['pickProjectFile', 'setMenu', 'onMenuAction']);
  });

  it('blocks navigation away from the app and every new window', async () => {
    await import('../../electron/main/index');
    const contentsHandlers = new Map<string, (...args: unknown[]) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (event: string, fn: (...args: unknown[]) => void) => contentsHandlers.set(event, fn),
      setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn),
    };
    appListeners.get('web-contents-created')!({}, contents);
    expect(openHandler!()).toEqual({ action: 'deny' });

    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contentsHandlers.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('http://127.0.0.1:9999/')).toBe(true);
    expect(navigate('file:///app/out/renderer/index.html')).toBe(false);

    const webview = { preventDefault: vi.fn() };
    contentsHandlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('answers IPC only from the app’s own frames', async () => {
    await import('../../electron/main/index');
    const handle = handlers.get('tematik:call')!;
    expect(await handle({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handle({ senderFrame: { url: 'file:///app/index.html' } }, 'app.info', {})).toMatchObject({ ok: true, result: { shell: 'electron' } });
  });
});

describe('Content-Security-Policy', () => {
  it('allows no inline or remote script, style or connection', () => {
    const csp = contentSecurityPolicy('header');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('is in the built index.html that Electron loads', () => {
    const html = fs.readFileSync(path.join(repoRoot, 'out', 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('meta')}"`);
  });
});

describe('the application menu', () => {
  it('lists the page’s actions in its language, shows their shortcuts without taking the keys, and runs them in the page', async () => {
    const { menuModel, menuTemplate } = await import('../../electron/main/menu');
    const ran: string[] = [];
    const commands = { newProject: vi.fn(), openProject: vi.fn(), openSample: vi.fn(), closeProject: vi.fn(), runAction: (id: string) => ran.push(id) };
    const model = menuModel.parse({
      language: 'id',
      actions: [
        { id: 'undo', label: 'Urungkan', shortcut: 'Ctrl+Z', enabled: false },
        { id: 'palette', label: 'Palet perintah', shortcut: 'Ctrl+K', enabled: true },
        { id: 'nextDocument', label: 'Dokumen berikutnya', shortcut: 'Alt+ArrowDown', enabled: true },
      ],
    });
    const template = menuTemplate(model, commands);
    expect(template.map((m) => m.label)).toEqual(['Berkas', 'Sunting', 'Tindakan', 'Tampilan']);
    const actions = template[2]!.submenu as { label: string; accelerator?: string; registerAccelerator?: boolean; enabled?: boolean; click(): void }[];
    expect(actions.map((a) => [a.label, a.accelerator, a.registerAccelerator, a.enabled])).toEqual([
      ['Urungkan', 'CmdOrCtrl+Z', false, false],
      ['Palet perintah', 'CmdOrCtrl+K', false, true],
      ['Dokumen berikutnya', 'Alt+Down', false, true],
    ]);
    actions[1]!.click();
    expect(ran).toEqual(['palette']);
    expect((template[0]!.submenu as { label: string }[]).map((i) => i.label)).toContain('Buka studi contoh');
    // Nothing in the Edit menu takes Ctrl+Z away from the page.
    expect((template[1]!.submenu as { role?: string }[]).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(menuModel.safeParse({ language: 'fr', actions: [] }).success).toBe(false);
  });
});
