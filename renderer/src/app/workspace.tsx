/**
 * What the workspace panes share: the open document, the passage to show in
 * it, the code whose passages are listed, and the analysis tab. UI state only;
 * server state stays in the query cache.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';

export type AnalysisTab = 'cooccurrence' | 'passages' | 'query' | 'search';

export interface PassageFocus {
  documentId: number;
  /** Code points. */
  start: number;
  end: number;
  /** Changes on every request, so opening the same passage twice scrolls again. */
  nonce: number;
}

interface Workspace {
  documentId: number | null;
  setDocumentId(id: number | null): void;
  focus: PassageFocus | null;
  openPassage(documentId: number, start: number, end: number): void;
  retrievalCodeId: number | null;
  showPassages(codeId: number): void;
  tab: AnalysisTab;
  setTab(tab: AnalysisTab): void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [documentId, setDocumentId] = useState<number | null>(null);
  const [focus, setFocus] = useState<PassageFocus | null>(null);
  const [retrievalCodeId, setRetrievalCodeId] = useState<number | null>(null);
  const [tab, setTab] = useState<AnalysisTab>('cooccurrence');
  const value: Workspace = {
    documentId,
    setDocumentId: (id) => {
      setFocus(null);
      setDocumentId(id);
    },
    focus,
    openPassage: (id, start, end) => {
      setDocumentId(id);
      setFocus({ documentId: id, start, end, nonce: Date.now() });
    },
    retrievalCodeId,
    showPassages: (codeId) => {
      setRetrievalCodeId(codeId);
      setTab('passages');
    },
    tab,
    setTab,
  };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}
