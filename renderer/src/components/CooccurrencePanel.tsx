import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRead } from '../api/queries';

/** The side panel's pairs: the most frequent ones; Analysis shows them all. */
const shown = 50;

/** Memoised: it re-renders on its own data, not whenever the workspace opens a document. */
export const CooccurrencePanel = memo(function CooccurrencePanel() {
  const { t } = useTranslation();
  const pairs = useRead('analysis.cooccurrence', { top: shown });
  return (
    <section className="panel cooccurrence" aria-labelledby="cooc-heading">
      <h2 id="cooc-heading">{t('cooccurrence.heading')}</h2>
      <p className="rule">{t('cooccurrence.rule')}</p>
      {pairs.data?.length === 0 ? (
        <p className="hint">{t('cooccurrence.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('cooccurrence.codeA')}</th>
              <th>{t('cooccurrence.codeB')}</th>
              <th className="num">{t('cooccurrence.count')}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.data?.map((pair) => (
              <tr key={`${pair.a}\u0000${pair.b}`} data-pair={`${pair.a} + ${pair.b}`}>
                <td>{pair.a}</td>
                <td>{pair.b}</td>
                <td className="num">{pair.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pairs.data?.length === shown && <p className="hint">{t('cooccurrence.topOnly', { count: shown })}</p>}
    </section>
  );
});
