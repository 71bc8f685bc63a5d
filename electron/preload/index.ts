/**
 * The only bridge between the sandboxed renderer and the main process: one
 * generic `call(op, input)` (the contract decides what it may do), a file
 * picker, and a change signal. No Node API and no raw ipcRenderer reach the page.
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
});
