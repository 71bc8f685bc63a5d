import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../../../shared/model/types';
import { useRead, useWrite } from '../api/queries';
import { useNotices } from '../app/notices';

/** Speakers detected on import: mark interviewers, rename, merge, and choose the case each speaks for. */
/** Memoised: it re-renders on its own data, not whenever the workspace opens a document. */
export const SpeakersPanel = memo(function SpeakersPanel() {
  const { t } = useTranslation();
  const speakers = useRead('speakers.list', {});
  return (
    <section className="panel speakers" aria-labelledby="speakers-heading" id="speakers-panel">
      <h2 id="speakers-heading">{t('speakers.heading')}</h2>
      {speakers.data?.length === 0 && <p className="hint">{t('speakers.none')}</p>}
      <ul>
        {speakers.data?.map((speaker) => (
          <SpeakerRow key={speaker.id} speaker={speaker} others={speakers.data!.filter((s) => s.id !== speaker.id)} />
        ))}
      </ul>
    </section>
  );
});

function SpeakerRow({ speaker, others }: { speaker: Speaker; others: Speaker[] }) {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const update = useWrite('speakers.update');
  const merge = useWrite('speakers.merge');
  const [name, setName] = useState<string | null>(null);

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (name?.trim()) update.mutate({ id: speaker.id, name: name.trim() }, { onSuccess: () => setName(null), onError: fail });
  };

  return (
    <li data-speaker={speaker.name} className={speaker.isInterviewer ? 'interviewer' : undefined}>
      <div className="speaker-line">
        {name === null ? (
          <button type="button" className="link speaker-name" title={t('speakers.rename')} onClick={() => setName(speaker.name)}>
            {speaker.name}
          </button>
        ) : (
          <form onSubmit={rename} className="inline-form">
            <input autoFocus aria-label={t('speakers.rename')} value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setName(null)} />
          </form>
        )}
        <span className="count">{t('speakers.turns', { count: speaker.turnCount })}</span>
      </div>
      <div className="speaker-controls">
        <label>
          <input
            type="checkbox"
            checked={speaker.isInterviewer}
            onChange={(e) => update.mutate({ id: speaker.id, isInterviewer: e.target.checked }, { onError: fail })}
          />
          {t('speakers.interviewer')}
        </label>
        {!speaker.isInterviewer && (
          <label className="case-name">
            {t('speakers.case')}:
            <input
              key={speaker.caseName ?? ''}
              defaultValue={speaker.caseName ?? ''}
              aria-label={`${t('speakers.case')}: ${speaker.name}`}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              onBlur={(e) => {
                const value = e.target.value.trim();
                if (value !== (speaker.caseName ?? '')) update.mutate({ id: speaker.id, caseName: value || null }, { onError: fail });
              }}
            />
          </label>
        )}
        {others.length > 0 && (
          <select
            value=""
            aria-label={`${t('speakers.mergeInto')} ${speaker.name}`}
            onChange={(e) => e.target.value && merge.mutate({ sourceId: speaker.id, targetId: Number(e.target.value) }, { onError: fail })}
          >
            <option value="">{t('speakers.mergeInto')}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
        )}
      </div>
    </li>
  );
}
