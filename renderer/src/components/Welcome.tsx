import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import { ApiError } from '../../../shared/api/client';
import { useWrite } from '../api/queries';
import { useNotices } from '../app/notices';
import { recentProjects, rememberProject } from '../app/recentProjects';
import { LanguageSwitch } from './LanguageSwitch';

export function Welcome() {
  const { t, i18n } = useTranslation();
  const { fail } = useNotices();
  const create = useWrite('project.create');
  const open = useWrite('project.open');
  const sample = useWrite('project.openSample');
  const [path, setPath] = useState('');
  const [start, setStart] = useState<'empty' | 'en' | 'id' | 'file'>('empty');
  const [codebookFile, setCodebookFile] = useState<{ fileName: string; content: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const recent = recentProjects();
  const remember = { onSuccess: (info: { path: string }) => rememberProject(info.path), onError: fail };
  // A project another Tematik holds can still be read: offer that instead of a dead end.
  const [locked, setLocked] = useState<string | null>(null);
  // A damaged project with a good backup beside it: offer that backup.
  const [damaged, setDamaged] = useState<{ path: string; backup: string } | null>(null);
  const restoreFile = useWrite('project.restoreFile');
  const openProject = (target: string) =>
    open.mutate(
      { path: target },
      {
        ...remember,
        onError: (error) => {
          if (error instanceof ApiError && error.payload.code === 'project_locked') setLocked(target);
          if (error instanceof ApiError && error.payload.code === 'project_damaged' && error.payload.params.backup) setDamaged({ path: target, backup: String(error.payload.params.backup) });
          fail(error);
        },
      },
    );
  const codebook = start === 'en' || start === 'id' ? { starter: start } : start === 'file' && codebookFile ? codebookFile : undefined;
  const ready = start !== 'file' || codebookFile !== null;
  const createAt = (target: string) => create.mutate({ path: target, codebook }, remember);

  const browse = async (mode: 'open' | 'create') => {
    const picked = await window.tematikHost?.pickProjectFile(mode);
    if (!picked) return;
    if (mode === 'open') openProject(picked);
    else createAt(picked);
  };

  return (
    <div className="welcome">
      <header>
        <h1>{t('welcome.heading')}</h1>
        <LanguageSwitch />
      </header>
      <p>{t('welcome.intro')}</p>
      {damaged && (
        <section className="card" role="alert">
          <p>{t('safety.damagedHint', { backup: damaged.backup.split(/[\\/]/).pop() })}</p>
          <button type="button" className="primary" onClick={() => restoreFile.mutate(damaged, { ...remember, onSettled: () => setDamaged(null) })}>
            {t('safety.restoreNewest')}
          </button>
        </section>
      )}
      {locked && (
        <section className="card" role="alert">
          <p>{t('safety.lockedHint')}</p>
          <button type="button" onClick={() => open.mutate({ path: locked, readOnly: true }, { ...remember, onSettled: () => setLocked(null) })}>
            {t('safety.openReadOnly')}
          </button>
        </section>
      )}

      <section className="card">
        <button type="button" className="primary" onClick={() => sample.mutate({ lang: i18n.resolvedLanguage as Language }, remember)}>
          {t('welcome.sample')}
        </button>
        <p className="hint">{t('welcome.sampleHint')}</p>
      </section>

      <section className="card">
        <div className="row start-with">
          <label>
            {t('welcome.startWith')}
            <select
              value={start}
              onChange={(e) => {
                const value = e.target.value as typeof start;
                setStart(value);
                if (value === 'file') fileInput.current?.click();
              }}
            >
              <option value="empty">{t('welcome.startEmpty')}</option>
              <option value="en">{t('welcome.startStarterEn')}</option>
              <option value="id">{t('welcome.startStarterId')}</option>
              <option value="file">{codebookFile ? codebookFile.fileName : t('welcome.startFile')}</option>
            </select>
          </label>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".csv,.md,.markdown"
            data-testid="start-codebook-input"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setCodebookFile({ fileName: file.name, content: await file.text() });
            }}
          />
        </div>
        {window.tematikHost ? (
          <div className="row">
            <button type="button" disabled={!ready} onClick={() => void browse('create')}>
              {t('menu.newProject')}
            </button>
            <button type="button" onClick={() => void browse('open')}>
              {t('menu.openProject')}
            </button>
          </div>
        ) : (
          <form className="row" onSubmit={(e) => e.preventDefault()}>
            <label>
              {t('welcome.pathLabel')}
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('welcome.pathPlaceholder')} />
            </label>
            <button type="button" disabled={!path.trim() || !ready} onClick={() => createAt(path.trim())}>
              {t('welcome.create')}
            </button>
            <button type="button" disabled={!path.trim()} onClick={() => openProject(path.trim())}>
              {t('welcome.open')}
            </button>
          </form>
        )}
      </section>

      {recent.length > 0 && (
        <section className="card">
          <h2>{t('welcome.recent')}</h2>
          <ul className="recent">
            {recent.map((p) => (
              <li key={p}>
                <button type="button" className="link" onClick={() => openProject(p)}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
