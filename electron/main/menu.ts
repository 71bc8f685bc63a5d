/**
 * The application menu, in the interface's language. Project commands run in
 * the main process; everything else is the renderer's action registry: the
 * page sends its actions (translated labels and shortcuts) and a menu item
 * asks the page to run its action, so the menu, the keyboard and the Ctrl+K
 * palette are one list. Shortcuts are shown but not registered here, so the
 * page keeps receiving its keys (Ctrl+Z must undo a coding, not a text field).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { z } from 'zod';
import { catalogs, type Language } from '../../shared/i18n';

export const menuModel = z.strictObject({
  language: z.enum(['en', 'id']),
  actions: z
    .array(z.strictObject({ id: z.string().min(1).max(100), label: z.string().min(1).max(200), shortcut: z.string().max(40).optional(), enabled: z.boolean() }))
    .max(200),
});
export type MenuModel = z.infer<typeof menuModel>;

export interface MenuCommands {
  newProject(): void;
  openProject(): void;
  openSample(): void;
  closeProject(): void;
  runAction(id: string): void;
}

const menuWords: Record<Language, { file: string; edit: string; actions: string; view: string; quit: string; cut: string; copy: string; paste: string; selectAll: string; zoomIn: string; zoomOut: string; resetZoom: string; fullScreen: string }> = {
  en: { file: 'File', edit: 'Edit', actions: 'Actions', view: 'View', quit: 'Quit', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all', zoomIn: 'Zoom in', zoomOut: 'Zoom out', resetZoom: 'Actual size', fullScreen: 'Full screen' },
  id: { file: 'Berkas', edit: 'Sunting', actions: 'Tindakan', view: 'Tampilan', quit: 'Keluar', cut: 'Potong', copy: 'Salin', paste: 'Tempel', selectAll: 'Pilih semua', zoomIn: 'Perbesar', zoomOut: 'Perkecil', resetZoom: 'Ukuran asli', fullScreen: 'Layar penuh' },
};

/** Electron's accelerator syntax for a registry shortcut such as "Ctrl+Shift+Z". */
export function accelerator(shortcut: string): string {
  return shortcut.replace(/^Ctrl\b/, 'CmdOrCtrl').replace('ArrowDown', 'Down').replace('ArrowUp', 'Up');
}

export function menuTemplate(model: MenuModel, commands: MenuCommands): MenuItemConstructorOptions[] {
  const words = menuWords[model.language];
  const menu = catalogs[model.language].menu;
  return [
    {
      label: words.file,
      submenu: [
        { label: menu.newProject, click: commands.newProject },
        { label: menu.openProject, click: commands.openProject },
        { label: menu.openSample, click: commands.openSample },
        { label: menu.closeProject, click: commands.closeProject },
        { type: 'separator' },
        { role: 'quit', label: words.quit },
      ],
    },
    {
      label: words.edit,
      submenu: [
        { role: 'cut', label: words.cut },
        { role: 'copy', label: words.copy },
        { role: 'paste', label: words.paste },
        { role: 'selectAll', label: words.selectAll },
      ],
    },
    {
      label: words.actions,
      submenu: model.actions.map((action) => ({
        label: action.label,
        enabled: action.enabled,
        click: () => commands.runAction(action.id),
        ...(action.shortcut ? { accelerator: accelerator(action.shortcut), registerAccelerator: false } : {}),
      })),
    },
    {
      label: words.view,
      submenu: [
        { role: 'zoomIn', label: words.zoomIn },
        { role: 'zoomOut', label: words.zoomOut },
        { role: 'resetZoom', label: words.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: words.fullScreen },
      ],
    },
  ];
}
