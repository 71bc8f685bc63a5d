import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import type { ProjectInfo } from '../../../shared/model/types';
import { api } from '../api/client';
import { useWrite } from '../api/queries';
import { downloadText, readAsBase64 } from '../app/files';
import { useNotices } from '../app/notices';
import { rememberProject } from '../app/recentProjects';
import { CoderPrompt } from './CoderPrompt';
import { LanguageSwitch } from './LanguageSwitch';

export function TopBar({ project }: { project: ProjectInfo }) {
  const { t, i18n } = useTranslation();
  const { notify, fail } = useNotices();
  const fileInput = useRef<HTMLInputElement>(null);
  const importUploads = useWrite('documents.importUploads');
  const sample = useWrite('project.openSample');
  const close = useWrite('project.close');
  const [changingCoder, setChangingCoder] = useState(false);

  const importFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const uploads = await Promise.all([...files].map(async (file) => ({ fileName: file.name, base64: await readAsBase64(file) })));
    importUploads.mutate(
      { files: uploads },
      {
        onSuccess: (outcomes) => {
          const count = (status: string) => outcomes.filter((o) => o.status === status).length;
          const failures = outcomes.flatMap((o) => (o.status === 'failed' ? [t(`errors.${o.error.code}`, { file: o.file, defaultValue: o.error.message })] : []));
          const summary = t('documents.importSummary', { imported: count('imported'), duplicate: count('duplicate'), failed: count('failed') });
          notify(failures.length ? 'error' : 'info', [summary, ...failures].join(' '));
        },
        onError: fail,
      },
    );
    if (fileInput.current) fileInput.current.value = '';
  };

  const exportCsv = async () => {
    try {
      const { fileName, csv } = await api.call('export.codingsCsv', {});
      downloadText(fileName, csv);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <header className="topbar">
      <strong className="brand">{t('app.title')}</strong>
      <span className="project-name" title={project.path}>
        {project.name}
      </span>
      <nav>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('menu.import')}
        </button>
        <input ref={fileInput} type="file" multiple hidden accept=".txt,.md,text/plain" onChange={(e) => void importFiles(e.target.files)} data-testid="import-input" />
        <button type="button" onClick={() => void exportCsv()}>
          {t('menu.exportCsv')}
        </button>
        <button
          type="button"
          onClick={() => sample.mutate({ lang: i18n.resolvedLanguage as Language }, { onSuccess: (info) => rememberProject(info.path), onError: fail })}
        >
          {t('menu.openSample')}
        </button>
        <button type="button" onClick={() => close.mutate({}, { onError: fail })}>
          {t('menu.closeProject')}
        </button>
      </nav>
      <span className="coder" title={t('coder.label')}>
        {t('coder.label')}: {project.currentCoder ?? '—'}
        {project.currentCoder && (
          <button type="button" className="link" onClick={() => setChangingCoder(true)}>
            {t('coder.change')}
          </button>
        )}
      </span>
      {changingCoder && <CoderPrompt initial={project.currentCoder ?? ''} onClose={() => setChangingCoder(false)} />}
      <LanguageSwitch />
    </header>
  );
}
