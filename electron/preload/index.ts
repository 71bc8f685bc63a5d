/**
 * The only bridge between the sandboxed renderer and the main process: one
 * generic `call(op, input)` (the contract decides what it may do), a file
 * picker, a change signal, and the application menu (the page describes its
 * actions; the menu asks it to run one). No Node API and no raw ipcRenderer
 * reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('tematik', {
  call: (op: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('tematik:call', op, input),
  onChanged: (listener: () => void): (() => void) => {
    const handler = () => listener();
    ipcRenderer.on('tematik:changed', handler);
    return () => ipcRenderer.removeListener('tematik:changed', handler);
  },
});

contextBridge.exposeInMainWorld('tematikHost', {
  pickProjectFile: (mode: 'open' | 'create'): Promise<string | null> => ipcRenderer.invoke('tematik:pick', mode),
  setMenu: (model: unknown): Promise<void> => ipcRenderer.invoke('tematik:menu', model),
  onMenuAction: (listener: (id: string) => void): (() => void) => {
    const handler = (_event: unknown, id: unknown) => listener(String(id));
    ipcRenderer.on('tematik:action', handler);
    return () => ipcRenderer.removeListener('tematik:action', handler);
  },
});
