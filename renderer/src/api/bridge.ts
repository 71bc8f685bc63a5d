/** What the Electron preload exposes on `window`. Absent in browser mode. */
export interface TematikBridge {
  call(op: string, input: unknown): Promise<unknown>;
  /** Fires when the main process changed the project (menu actions); returns an unsubscribe. */
  onChanged(listener: () => void): () => void;
}

export interface TematikHost {
  pickProjectFile(mode: 'open' | 'create'): Promise<string | null>;
}

declare global {
  interface Window {
    tematik?: TematikBridge;
    tematikHost?: TematikHost;
  }
}
