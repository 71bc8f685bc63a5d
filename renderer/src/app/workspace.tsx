/**
 * What the workspace panes share: the open document, the passage to show in
 * it, the code whose passages are listed, and the analysis tab. UI state only;
 * server state stays in the query cache.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

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
  /** What the centre shows: the open document or the analysis screens. */
  center: 'document' | 'analysis';
  setCenter(center: 'document' | 'analysis'): void;
  /** Codes applied in this session, latest first: the recent-codes bar. */
  recentCodeIds: number[];
  noteCodeUsed(codeId: number): void;
}

const RECENT = 6;

/** The functions alone: they never change, so panes that only call them do not re-render when a document opens. */
export type WorkspaceCommands = Pick<Workspace, 'setDocumentId' | 'openPassage' | 'showPassages' | 'setTab' | 'noteCodeUsed' | 'setCenter'>;

const WorkspaceContext = createContext<Workspace | null>(null);
const CommandsContext = createContext<WorkspaceCommands | null>(null);

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [documentId, setDocumentId] = useState<number | null>(null);
  const [focus, setFocus] = useState<PassageFocus | null>(null);
  const [retrievalCodeId, setRetrievalCodeId] = useState<number | null>(null);
  const [tab, setTab] = useState<AnalysisTab>('cooccurrence');
  const [recentCodeIds, setRecent] = useState<number[]>([]);
  const [center, setCenter] = useState<'document' | 'analysis'>('document');
  const selectDocument = useCallback((id: number | null) => {
    setFocus(null);
    setCenter('document');
    setDocumentId(id);
  }, []);
  const openPassage = useCallback((id: number, start: number, end: number) => {
    setCenter('document');
    setDocumentId(id);
    setFocus({ documentId: id, start, end, nonce: Date.now() });
  }, []);
  const showPassages = useCallback((codeId: number) => {
    setRetrievalCodeId(codeId);
    setTab('passages');
  }, []);
  const noteCodeUsed = useCallback((codeId: number) => setRecent((ids) => [codeId, ...ids.filter((id) => id !== codeId)].slice(0, RECENT)), []);
  const commands = useMemo<WorkspaceCommands>(
    () => ({ setDocumentId: selectDocument, openPassage, showPassages, setTab, noteCodeUsed, setCenter }),
    [selectDocument, openPassage, showPassages, noteCodeUsed],
  );
  const value = useMemo<Workspace>(
    () => ({ ...commands, documentId, focus, retrievalCodeId, tab, recentCodeIds, center }),
    [commands, documentId, focus, retrievalCodeId, tab, recentCodeIds, center],
  );
  return (
    <CommandsContext.Provider value={commands}>
      <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>
    </CommandsContext.Provider>
  );
}

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

export function useWorkspaceCommands(): WorkspaceCommands {
  const value = useContext(CommandsContext);
  if (!value) throw new Error('useWorkspaceCommands outside WorkspaceProvider');
  return value;
}
