import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disagreement } from '../../../../shared/api/contract';
import { useRead, useWrite } from '../../api/queries';
import { useNotices } from '../../app/notices';
import { useWorkspaceCommands } from '../../app/workspace';

const consensus = 'consensus';

/** Every passage where the chosen coders differ, side by side, to accept one version into the consensus coder or note the discussion. */
export function DisagreementList({ coders }: { coders: string[] }) {
  const { t } = useTranslation();
  const compared = coders.filter((c) => c !== consensus);
  const list = useRead('analysis.disagreements', { coders: compared }, { enabled: compared.length >= 2 });
  if (compared.length < 2 || !list.data) return null;
  return (
    <section className="disagreements" aria-label={t('agreement.disagreements')}>
      <h3>{t('agreement.disagreementsCount', { count: list.data.total })}</h3>
      {list.data.total > list.data.passages.length && <p className="hint">{t('agreement.capped', { shown: list.data.passages.length })}</p>}
      <ol>
        {list.data.passages.map((p) => (
          <DisagreementItem key={`${p.documentId}:${p.codeId}:${p.start}:${p.end}`} passage={p} />
        ))}
      </ol>
    </section>
  );
}

function DisagreementItem({ passage }: { passage: Disagreement }) {
  const { t } = useTranslation();
  const { fail, notify } = useNotices();
  const { openPassage } = useWorkspaceCommands();
  const accept = useWrite('agreement.accept');
  const note = useWrite('agreement.note');
  const [memo, setMemo] = useState(passage.memo);
  const key = { documentId: passage.documentId, codeId: passage.codeId, start: passage.start, end: passage.end };
  const saveNote = (discussed: boolean, text = memo) => note.mutate({ ...key, discussed, memo: text }, { onError: fail });
  return (
    <li className={passage.discussed ? 'disagreement discussed' : 'disagreement'} data-code={passage.code}>
      <div className="disagreement-head">
        <strong>{passage.code}</strong> · {passage.document} · {passage.start}–{passage.end}
        <button type="button" className="link" onClick={() => openPassage(passage.documentId, passage.start, passage.end)}>
          {t('retrieval.open')}
        </button>
      </div>
      <blockquote className="passage-text">{passage.text}</blockquote>
      <div className="coder-versions">
        {passage.coders.map(({ coder, ranges }) => (
          <div key={coder} className="coder-version" data-coder={coder}>
            <span className="coder-name">{coder}</span>{' '}
            <span className="ranges">{ranges.length ? ranges.map((r) => `${r.start}–${r.end}`).join(', ') : t('agreement.notCoded')}</span>{' '}
            <button
              type="button"
              onClick={() => accept.mutate({ ...key, from: coder }, { onSuccess: () => notify('info', t('agreement.accepted', { coder })), onError: fail })}
            >
              {t('agreement.accept', { coder })}
            </button>
          </div>
        ))}
      </div>
      <div className="disagreement-note">
        <label className="check">
          <input type="checkbox" checked={passage.discussed} onChange={(e) => saveNote(e.target.checked)} />
          {t('agreement.discussed')}
        </label>
        <textarea aria-label={t('agreement.noteLabel')} placeholder={t('agreement.notePlaceholder')} value={memo} onChange={(e) => setMemo(e.target.value)} onBlur={() => memo !== passage.memo && saveNote(passage.discussed)} />
      </div>
    </li>
  );
}
