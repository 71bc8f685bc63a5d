import { useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../shared/model/types';
import { useRead } from '../api/queries';
import { CoderPrompt } from '../components/CoderPrompt';
import { Codebook } from '../components/Codebook';
import { CommandPalette } from '../components/CommandPalette';
import { AnalysisPanel } from '../components/AnalysisPanel';
import { AnalysisView } from '../components/analysis/AnalysisView';
import { DocumentList } from '../components/DocumentList';
import { DocumentView } from '../components/DocumentView';
import { ImportDialogs } from '../components/ImportDialogs';
import { SpeakersPanel } from '../components/SpeakersPanel';
import { TopBar } from '../components/TopBar';
import { Welcome } from '../components/Welcome';
import { useActions } from './actions';
import { filesFromDrop } from './droppedFiles';
import { ImportProvider, useImport } from './importQueue';
import { useWorkspace, WorkspaceProvider } from './workspace';

export function App() {
  const { t } = useTranslation();
  const info = useRead('app.info', {});

  if (!info.data) return <p className="loading">{t('app.loading')}</p>;
  const project = info.data.project;
  if (!project) return <Welcome />;

  return (
    <ImportProvider>
      <WorkspaceProvider>
        <Workspace project={project} />
      </WorkspaceProvider>
    </ImportProvider>
  );
}

function Workspace({ project }: { project: ProjectInfo }) {
  const { t } = useTranslation();
  const { start } = useImport();
  const { documentId, setDocumentId, setTab, center, setCenter } = useWorkspace();
  const [dragging, setDragging] = useState(false);
  const [palette, setPalette] = useState(false);
  const documents = useRead('documents.list', {});
  // Read when the action runs, so that opening a document does not re-register every action.
  const current = useRef(documentId);
  current.current = documentId;

  useActions(
    useMemo(() => {
      const ids = (documents.data ?? []).map((d) => d.id);
      const step = (by: number) => {
        if (!ids.length) return;
        const at = current.current === null ? -1 : ids.indexOf(current.current);
        setDocumentId(ids[(at + by + ids.length) % ids.length]!);
      };
      return [
        { id: 'palette', label: t('actions.palette'), shortcuts: ['Ctrl+K'], inTextFields: true, run: () => setPalette(true) },
        { id: 'nextDocument', label: t('actions.nextDocument'), shortcuts: ['Alt+ArrowDown'], disabled: ids.length === 0, run: () => step(1) },
        { id: 'previousDocument', label: t('actions.previousDocument'), shortcuts: ['Alt+ArrowUp'], disabled: ids.length === 0, run: () => step(-1) },
        { id: 'search', label: t('actions.search'), shortcuts: ['Ctrl+Shift+F'], run: () => setTab('search') },
        { id: 'query', label: t('actions.query'), run: () => setTab('query') },
        { id: 'passages', label: t('actions.passages'), run: () => setTab('passages') },
        { id: 'cooccurrence', label: t('actions.cooccurrence'), run: () => setTab('cooccurrence') },
        { id: 'addCode', label: t('actions.focusCodebook'), run: () => document.getElementById('new-code-name')?.focus() },
        { id: 'openAnalysis', label: t('actions.openAnalysis'), shortcuts: ['Ctrl+Shift+A'], run: () => setCenter('analysis') },
      ];
    }, [t, documents.data, setDocumentId, setTab, setCenter]),
  );

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void filesFromDrop(event.dataTransfer).then(start);
  };

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <TopBar project={project} />
      {!project.currentCoder && <CoderPrompt />}
      {dragging && <div className="drop-hint">{t('importer.dropHint')}</div>}
      <main className="workspace">
        <aside className="sidebar">
          <DocumentList selectedId={documentId} onSelect={setDocumentId} />
          <Codebook />
          <SpeakersPanel />
        </aside>
        <section className="center">
          {center === 'analysis' ? (
            <AnalysisView />
          ) : documentId === null ? (
            <p className="placeholder">{t('document.none')}</p>
          ) : (
            <DocumentView key={documentId} documentId={documentId} />
          )}
        </section>
        <aside className="analysis">
          <AnalysisPanel />
        </aside>
      </main>
      {palette && <CommandPalette onClose={() => setPalette(false)} />}
      <ImportDialogs onReviewSpeakers={() => document.getElementById('speakers-panel')?.scrollIntoView({ behavior: 'smooth' })} />
    </div>
  );
}
