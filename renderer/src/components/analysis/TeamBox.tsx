import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeSummary } from '../../../../shared/model/interchange';
import { api } from '../../api/client';
import { useWrite } from '../../api/queries';
import { downloadBase64, readAsBytes } from '../../app/files';
import { useBusyTask } from '../../app/busy';
import { useNotices } from '../../app/notices';

/** Coding packages for a second coder, and merging their project back. */
export function TeamBox() {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const [blind, setBlind] = useState(true);
  const [busy, runTask] = useBusyTask();
  const merge = useWrite('team.merge');
  const [summary, setSummary] = useState<MergeSummary | null>(null);

  const prepare = () =>
    runTask(async () => {
      const result = await api.call('team.package', { withoutCodings: blind });
      downloadBase64(result.fileName, result.base64!, 'application/octet-stream');
    });

  const mergeFile = async (file: File) => {
    try {
      setSummary(await merge.mutateAsync({ upload: { fileName: file.name, bytes: await readAsBytes(file) } }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="team-box" aria-label={t('team.heading')}>
      <h3>{t('team.heading')}</h3>
      <p>{t('team.intro')}</p>
      <div className="chart-controls">
        <label className="check">
          <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
          {t('team.blind')}
        </label>
        <button type="button" disabled={busy} onClick={() => void prepare()}>
          {t('team.package')}
        </button>
        <label className="file-button">
          {t('team.merge')}
          <input type="file" accept=".tematik" aria-label={t('team.merge')} onChange={(e) => e.target.files?.[0] && void mergeFile(e.target.files[0])} />
        </label>
      </div>
      {summary && (
        <div className="merge-summary" role="status">
          <p>{t('team.added', { documents: summary.added.documents, codes: summary.added.codes, codings: summary.added.codings, cases: summary.added.cases })}</p>
          {summary.added.coders.length > 0 && <p>{t('team.newCoders', { coders: summary.added.coders.join(', ') })}</p>}
          <p>{t('team.matched', { documents: summary.matched.documents, codes: summary.matched.codes, codings: summary.matched.codings })}</p>
          {summary.conflicts.length > 0 && (
            <>
              <p>{t('team.conflicts', { count: summary.conflicts.length })}</p>
              <ul>
                {summary.conflicts.map((c, i) => (
                  <li key={i}>{t(`team.conflict.${c.reason}`, { name: c.name, ours: c.ours ?? '', theirs: c.theirs ?? '' })}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
