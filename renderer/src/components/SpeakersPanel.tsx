import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../../../shared/model/types';
import { useRead, useWrite } from '../api/queries';
import { useNotices } from '../app/notices';
import { LongList, type RowRef } from './LongList';

/** Speakers detected on import: mark interviewers, rename, merge, and choose the case each speaks for. */
/** Memoised: it re-renders on its own data, not whenever the workspace opens a document. */
export const SpeakersPanel = memo(function SpeakersPanel() {
  const { t } = useTranslation();
  const speakers = useRead('speakers.list', {});
  const all = speakers.data ?? [];
  // Every other speaker in every row's merge list would be a million options at a thousand speakers: past a hundred, only the row being merged lists them.
  const [mergeFrom, setMergeFrom] = useState<number | null>(null);
  const allMergeOptions = all.length <= 100;
  return (
    <section className="panel speakers" aria-labelledby="speakers-heading" id="speakers-panel">
      <h2 id="speakers-heading">{t('speakers.heading')}</h2>
      {speakers.data?.length === 0 && <p className="hint">{t('speakers.none')}</p>}
      <LongList
        items={all}
        className="speaker-rows"
        rowHeight={52}
        row={(speaker, rowRef, index) => (
          <SpeakerRow
            key={speaker.id}
            speaker={speaker}
            mergeTargets={allMergeOptions || mergeFrom === speaker.id ? all : []}
            canMerge={all.length > 1}
            onMergeOpen={() => setMergeFrom(speaker.id)}
            rowRef={rowRef}
            index={index}
          />
        )}
      />
    </section>
  );
});

interface SpeakerRowProps {
  speaker: Speaker;
  /** The speakers its merge list offers (itself left out), or none until the list is opened. */
  mergeTargets: readonly Speaker[];
  canMerge: boolean;
  onMergeOpen(): void;
  rowRef: RowRef | undefined;
  index: number;
}

function SpeakerRow({ speaker, mergeTargets, canMerge, onMergeOpen, rowRef, index }: SpeakerRowProps) {
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
    <li ref={rowRef} data-index={index} data-speaker={speaker.name} className={speaker.isInterviewer ? 'interviewer' : undefined}>
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
        {canMerge && (
          <select
            value=""
            aria-label={`${t('speakers.mergeInto')} ${speaker.name}`}
            onFocus={onMergeOpen}
            onPointerDown={onMergeOpen}
            onChange={(e) => e.target.value && merge.mutate({ sourceId: speaker.id, targetId: Number(e.target.value) }, { onError: fail })}
          >
            <option value="">{t('speakers.mergeInto')}</option>
            {mergeTargets.map(
              (other) =>
                other.id !== speaker.id && (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ),
            )}
          </select>
        )}
      </div>
    </li>
  );
}
