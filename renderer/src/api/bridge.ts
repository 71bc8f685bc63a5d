/** What the Electron preload exposes on `window`. Absent in browser mode. */
export interface TematikBridge {
  call(op: string, input: unknown): Promise<unknown>;
  /** Fires when the main process changed the project (menu actions); returns an unsubscribe. */
  onChanged(listener: () => void): () => void;
}

export interface MenuAction {
  id: string;
  label: string;
  shortcut?: string;
  enabled: boolean;
}

export interface TematikHost {
  pickProjectFile(mode: 'open' | 'create'): Promise<string | null>;
  /** Rebuilds the application menu from the page's actions, in its language. */
  setMenu(model: { language: 'en' | 'id'; actions: MenuAction[] }): Promise<void>;
  /** A menu item was chosen: run the action with this id. Returns an unsubscribe. */
  onMenuAction(listener: (id: string) => void): () => void;
}

declare global {
  interface Window {
    tematik?: TematikBridge;
    tematikHost?: TematikHost;
  }
}
