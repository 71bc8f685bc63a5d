/**
 * The Electron main process: one window, the IPC transport for the shared
 * dispatcher, native file dialogs and the application menu. Domain work is
 * the core's; this file only wires the shell.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { menuModel, menuTemplate, type MenuCommands, type MenuModel } from './menu';
import { Core } from '../core/core';
import { createDispatcher } from '../core/dispatcher';
import { startBackgroundUpkeep } from '../core/backgroundUpkeep';
import { startAutoBackups } from '../core/store/autoBackup';
import { electronNativeBinding } from './nativeBinding';
import { isAppUrl, windowOptions } from './windowOptions';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

const core = new Core({
  shell: 'electron',
  resourceDir: app.getAppPath(),
  sampleDir: path.join(app.getPath('documents'), 'Tematik'),
  nativeBinding: electronNativeBinding(app.getAppPath()),
  app: true,
});
startAutoBackups(core, (error) => console.error('Tematik: automatic backup failed:', error));
startBackgroundUpkeep(core, (error) => console.error('Tematik: background upkeep failed:', error));
const dispatch = createDispatcher(core);
let mainWindow: BrowserWindow | null = null;

function createWindow(): void {
  const window = new BrowserWindow(windowOptions(path.join(here, '../preload/index.cjs')));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => (mainWindow = null));
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(path.join(here, '../renderer/index.html'));
}

/** Tell the renderer that the project changed under it (menu actions), so it refetches. */
function notifyChanged(): void {
  mainWindow?.webContents.send('tematik:changed');
}

async function runFromMenu(op: string, input: unknown): Promise<void> {
  const result = await dispatch(op, input);
  if (!result.ok) dialog.showErrorBox('Tematik', result.error.message);
  notifyChanged();
}

async function pickProject(mode: 'open' | 'create'): Promise<string | null> {
  const filters = [{ name: 'Tematik project', extensions: ['tematik'] }];
  if (mode === 'open') {
    const result = await dialog.showOpenDialog({ properties: ['openFile'], filters });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const result = await dialog.showSaveDialog({ filters, defaultPath: 'study.tematik' });
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function pickAndRun(mode: 'open' | 'create', op: 'project.create' | 'project.open'): Promise<void> {
  const picked = await pickProject(mode);
  if (picked) await runFromMenu(op, { path: picked });
}

function buildMenu(model: MenuModel): void {
  const commands: MenuCommands = {
    newProject: () => void pickAndRun('create', 'project.create'),
    openProject: () => void pickAndRun('open', 'project.open'),
    openSample: () => void runFromMenu('project.openSample', {}),
    closeProject: () => void runFromMenu('project.close', {}),
    runAction: (id) => mainWindow?.webContents.send('tematik:action', id),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(model, commands)));
}

ipcMain.handle('tematik:call', (event, op: unknown, input: unknown) => {
  if (!event.senderFrame || !isAppUrl(event.senderFrame.url, devServerUrl)) {
    return { ok: false, error: { code: 'forbidden', params: {}, message: 'IPC from an unknown frame' } };
  }
  return dispatch(String(op), input);
});
ipcMain.handle('tematik:pick', (_event, mode: unknown) => pickProject(mode === 'create' ? 'create' : 'open'));
/** The page sends its actions whenever they or the language change; the menu is rebuilt from them. */
ipcMain.handle('tematik:menu', (event, model: unknown) => {
  if (!event.senderFrame || !isAppUrl(event.senderFrame.url, devServerUrl)) return;
  const parsed = menuModel.safeParse(model);
  if (parsed.success) buildMenu(parsed.data);
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  buildMenu({ language: 'en', actions: [] });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  core.close();
  app.quit();
});
