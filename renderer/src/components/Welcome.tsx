import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
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
  const recent = recentProjects();
  const remember = { onSuccess: (info: { path: string }) => rememberProject(info.path), onError: fail };

  const browse = async (mode: 'open' | 'create') => {
    const picked = await window.tematikHost?.pickProjectFile(mode);
    if (picked) (mode === 'open' ? open : create).mutate({ path: picked }, remember);
  };

  return (
    <div className="welcome">
      <header>
        <h1>{t('welcome.heading')}</h1>
        <LanguageSwitch />
      </header>
      <p>{t('welcome.intro')}</p>

      <section className="card">
        <button type="button" className="primary" onClick={() => sample.mutate({ lang: i18n.resolvedLanguage as Language }, remember)}>
          {t('welcome.sample')}
        </button>
        <p className="hint">{t('welcome.sampleHint')}</p>
      </section>

      <section className="card">
        {window.tematikHost ? (
          <div className="row">
            <button type="button" onClick={() => void browse('create')}>
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
            <button type="button" disabled={!path.trim()} onClick={() => create.mutate({ path: path.trim() }, remember)}>
              {t('welcome.create')}
            </button>
            <button type="button" disabled={!path.trim()} onClick={() => open.mutate({ path: path.trim() }, remember)}>
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
                <button type="button" className="link" onClick={() => open.mutate({ path: p }, remember)}>
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
