import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../shared/model/types';
import { useRead } from '../api/queries';
import { CoderPrompt } from '../components/CoderPrompt';
import { Codebook } from '../components/Codebook';
import { AnalysisPanel } from '../components/AnalysisPanel';
import { DocumentList } from '../components/DocumentList';
import { DocumentView } from '../components/DocumentView';
import { ImportDialogs } from '../components/ImportDialogs';
import { SpeakersPanel } from '../components/SpeakersPanel';
import { TopBar } from '../components/TopBar';
import { Welcome } from '../components/Welcome';
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
  const { documentId, setDocumentId } = useWorkspace();
  const [dragging, setDragging] = useState(false);

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
          {documentId === null ? <p className="placeholder">{t('document.none')}</p> : <DocumentView key={documentId} documentId={documentId} />}
        </section>
        <aside className="analysis">
          <AnalysisPanel />
        </aside>
      </main>
      <ImportDialogs onReviewSpeakers={() => document.getElementById('speakers-panel')?.scrollIntoView({ behavior: 'smooth' })} />
    </div>
  );
}
