import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import type { ProjectInfo } from '../../../shared/model/types';
import { api } from '../api/client';
import { useWrite } from '../api/queries';
import { useActionRegistry, useActions } from '../app/actions';
import { downloadBytes } from '../app/files';
import { useImport } from '../app/importQueue';
import { useUndo } from '../app/undo';
import { useNotices } from '../app/notices';
import { rememberProject } from '../app/recentProjects';
import { ActivityIndicator } from './ActivityIndicator';
import { BackupsDialog } from './BackupsDialog';
import { CoderPrompt } from './CoderPrompt';
import { LanguageSwitch } from './LanguageSwitch';

const importableTypes = '.txt,.md,.docx,.doc,.pdf,.vtt,.srt,.html,.htm,.csv,.tsv,.odt,.rtf,.qdpx,.qdc';

/** Memoised: it re-renders on its own data, not whenever the workspace opens a document. */
export const TopBar = memo(function TopBar({ project }: { project: ProjectInfo }) {
  const { t, i18n } = useTranslation();
  const { fail } = useNotices();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const { start } = useImport();
  const history = useUndo();
  const sample = useWrite('project.openSample');
  const close = useWrite('project.close');
  const [changingCoder, setChangingCoder] = useState(false);
  const [backups, setBackups] = useState(false);

  const importFiles = (files: FileList | null) => {
    if (files) start([...files]);
    for (const input of [fileInput.current, folderInput.current]) if (input) input.value = '';
  };

  const exportCsv = async () => {
    try {
      const { fileName, csv } = await api.call('export.codingsCsv', {});
      downloadBytes(fileName, csv, 'text/csv;charset=utf-8');
    } catch (error) {
      fail(error);
    }
  };

  const { run } = useActionRegistry();
  useActions(
    useMemo(
      () => [
        { id: 'undo', label: t('actions.undo'), shortcuts: ['Ctrl+Z'], disabled: !history.canUndo, run: () => void history.undo() },
        { id: 'redo', label: t('actions.redo'), shortcuts: ['Ctrl+Shift+Z', 'Ctrl+Y'], disabled: !history.canRedo, run: () => void history.redo() },
        { id: 'import', label: t('actions.import'), run: () => fileInput.current?.click() },
        { id: 'exportCsv', label: t('actions.exportCsv'), run: () => void exportCsv() },
        { id: 'backups', label: t('actions.backups'), run: () => setBackups(true) },
        { id: 'language', label: t('actions.language'), run: () => void i18n.changeLanguage(i18n.resolvedLanguage === 'id' ? 'en' : 'id') },
      ],
      // exportCsv only closes over stable values.
      [t, history, i18n],
    ),
  );

  return (
    <header className="topbar">
      <strong className="brand">{t('app.title')}</strong>
      <span className="project-name" title={project.path}>
        {project.name}
      </span>
      <nav>
        <button type="button" disabled={!history.canUndo} onClick={() => run('undo')} title={history.canUndo ? t('history.undoAction', { action: t(`history.ops.${history.canUndo.op}`) }) : t('history.nothing')}>
          ↶ {t('history.undo')}
        </button>
        <button type="button" disabled={!history.canRedo} onClick={() => run('redo')} title={history.canRedo ? t('history.redoAction', { action: t(`history.ops.${history.canRedo.op}`) }) : undefined}>
          ↷ {t('history.redo')}
        </button>
        <button type="button" onClick={() => run('openAnalysis')}>
          {t('menu.analysis')}
        </button>
        <button type="button" onClick={() => run('import')}>
          {t('menu.import')}
        </button>
        <input ref={fileInput} type="file" multiple hidden accept={importableTypes} onChange={(e) => importFiles(e.target.files)} data-testid="import-input" />
        <button type="button" onClick={() => folderInput.current?.click()}>
          {t('menu.importFolder')}
        </button>
        <input ref={folderInput} type="file" hidden {...{ webkitdirectory: '' }} onChange={(e) => importFiles(e.target.files)} data-testid="import-folder-input" />
        <button type="button" onClick={() => run('exportCsv')}>
          {t('menu.exportCsv')}
        </button>
        <button
          type="button"
          onClick={() => sample.mutate({ lang: i18n.resolvedLanguage as Language }, { onSuccess: (info) => rememberProject(info.path), onError: fail })}
        >
          {t('menu.openSample')}
        </button>
        <button type="button" onClick={() => run('backups')}>
          {t('menu.backups')}
        </button>
        <button type="button" onClick={() => close.mutate({}, { onError: fail })}>
          {t('menu.closeProject')}
        </button>
      </nav>
      {project.readOnly && (
        <span className="badge warn" role="status">
          {t('safety.readOnly')}
        </span>
      )}
      {project.risk && (
        <span className="badge warn" role="status" title={t(`safety.risk.${project.risk === 'network' ? 'network' : 'synced'}`, { service: project.risk })}>
          ⚠ {project.risk === 'network' ? t('safety.networkShort') : t('safety.syncedShort', { service: project.risk })}
        </span>
      )}
      <ActivityIndicator />
      <span className="coder" title={t('coder.label')}>
        {t('coder.label')}: {project.currentCoder ?? '—'}
        {project.currentCoder && (
          <button type="button" className="link" onClick={() => setChangingCoder(true)}>
            {t('coder.change')}
          </button>
        )}
      </span>
      {changingCoder && <CoderPrompt initial={project.currentCoder ?? ''} onClose={() => setChangingCoder(false)} />}
      {backups && <BackupsDialog onClose={() => setBackups(false)} />}
      <LanguageSwitch />
    </header>
  );
});
