import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRead } from '../api/queries';
import { CoderPrompt } from '../components/CoderPrompt';
import { Codebook } from '../components/Codebook';
import { CooccurrencePanel } from '../components/CooccurrencePanel';
import { DocumentList } from '../components/DocumentList';
import { DocumentView } from '../components/DocumentView';
import { TopBar } from '../components/TopBar';
import { Welcome } from '../components/Welcome';

export function App() {
  const { t } = useTranslation();
  const info = useRead('app.info', {});
  const [documentId, setDocumentId] = useState<number | null>(null);

  if (!info.data) return <p className="loading">{t('app.loading')}</p>;
  const project = info.data.project;
  if (!project) return <Welcome />;

  return (
    <div className="app">
      <TopBar project={project} />
      {!project.currentCoder && <CoderPrompt />}
      <main className="workspace">
        <aside className="sidebar">
          <DocumentList selectedId={documentId} onSelect={setDocumentId} />
          <Codebook />
        </aside>
        <section className="center">
          {documentId === null ? <p className="placeholder">{t('document.none')}</p> : <DocumentView key={documentId} documentId={documentId} />}
        </section>
        <aside className="analysis">
          <CooccurrencePanel />
        </aside>
      </main>
    </div>
  );
}
