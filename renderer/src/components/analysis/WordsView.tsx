import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenCodeTree } from '../../../../shared/model/codeTree';
import { useRead, useWrite } from '../../api/queries';
import { useNotices } from '../../app/notices';
import { SubsetPicker } from './SubsetPicker';

/** The most frequent words by stem, without stop words; any word can be made a stop word with one click. */
export function WordsView() {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const [lang, setLang] = useState<'' | 'id' | 'en'>('');
  const [codeId, setCodeId] = useState(0);
  const [withInterviewer, setWithInterviewer] = useState(false);
  const [showForms, setShowForms] = useState(false);
  const [subset, setSubset] = useState<{ name: string; value: string } | null>(null);
  const codes = useRead('codes.list', {});
  const words = useRead('analysis.words', {
    lang: lang || undefined,
    codeId: codeId || undefined,
    includeInterviewer: withInterviewer,
    top: 60,
    where: subset ? { [subset.name]: subset.value } : undefined,
  });
  const stopwords = useRead('analysis.stopwords', {});
  const setStopwords = useWrite('analysis.setStopwords');
  const max = Math.max(1, ...(words.data ?? []).map((w) => w.count));
  const current = stopwords.data ?? { added: [], removed: [] };
  const change = (next: { added: string[]; removed: string[] }) => setStopwords.mutate(next, { onError: fail });

  return (
    <section className="chart-view" aria-label={t('charts.words')}>
      <div className="chart-controls">
        <label>
          {t('charts.language')}
          <select value={lang} onChange={(e) => setLang(e.target.value as typeof lang)}>
            <option value="">{t('charts.languageAuto')}</option>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('charts.passagesOfCode')}
          <select value={codeId} onChange={(e) => setCodeId(Number(e.target.value))}>
            <option value={0}>{t('charts.wholeDocuments')}</option>
            {flattenCodeTree(codes.data ?? []).map(({ code, depth }) => (
              <option key={code.id} value={code.id}>
                {'\u00a0\u00a0'.repeat(depth)}
                {code.name}
              </option>
            ))}
          </select>
        </label>
        <SubsetPicker value={subset} onChange={setSubset} />
        <label className="check">
          <input type="checkbox" checked={showForms} onChange={(e) => setShowForms(e.target.checked)} />
          {t('charts.showForms')}
        </label>
        <label className="check">
          <input type="checkbox" checked={withInterviewer} onChange={(e) => setWithInterviewer(e.target.checked)} />
          {t('charts.withInterviewer')}
        </label>
      </div>
      <ol className="word-bars">
        {words.data?.map((w) => (
          <li key={w.stem} data-word={w.word} title={w.forms.map((f) => `${f.form} (${f.count})`).join(', ')}>
            <span className="word">{w.word}</span>
            <svg width="100%" height="14" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true">
              <rect width={(100 * w.count) / max} height="14" fill="#2f8f6f" />
            </svg>
            <span className="num">{w.count}</span>
            {showForms && <span className="forms">{w.forms.map((f) => `${f.form} (${f.count})`).join(', ')}</span>}
            <button type="button" className="icon" title={t('charts.makeStopword', { word: w.word })} aria-label={t('charts.makeStopword', { word: w.word })} onClick={() => change({ ...current, added: [...current.added, ...w.forms.map((f) => f.form)] })}>
              ×
            </button>
          </li>
        ))}
      </ol>
      {current.added.length > 0 && (
        <p className="hint">
          {t('charts.addedStopwords')}:{' '}
          {current.added.map((word) => (
            <button key={word} type="button" className="chip small" title={t('charts.restoreWord', { word })} onClick={() => change({ ...current, added: current.added.filter((w) => w !== word) })}>
              {word} ×
            </button>
          ))}
        </p>
      )}
    </section>
  );
}
