import { useTranslation } from 'react-i18next';
import type { ExchangeImport } from '../../../shared/api/contract';

/** What a REFI-QDA import brought in, what was already there, how positions were read, and what was left out and why. */
export function ExchangeSummary({ summary }: { summary: ExchangeImport }) {
  const { t } = useTranslation();
  const { added, matched } = summary;
  return (
    <div className="exchange-summary" data-file={summary.file}>
      <p>
        <strong>{summary.file}</strong> ({summary.producer || t('exchange.unknownProducer')}):{' '}
        {t('exchange.added', { documents: added.documents, codes: added.codes, codings: added.codings, cases: added.cases, memos: summary.memos })}
      </p>
      {matched.documents + matched.codes + matched.codings + matched.cases > 0 && (
        <p>{t('exchange.matched', { documents: matched.documents, codes: matched.codes, codings: matched.codings, cases: matched.cases })}</p>
      )}
      {summary.offsets
        .filter((o) => o.switched)
        .map((o) => (
          <p key={o.document} className="hint warn">
            {t('exchange.switched', { document: o.document, reading: o.reading, matched: o.matched, checked: o.checked })}
          </p>
        ))}
      {summary.skipped.length > 0 && (
        <>
          <p>{t('exchange.skipped', { count: summary.skipped.length })}</p>
          <ul className="skipped">
            {summary.skipped.map((s, i) => (
              <li key={i}>
                {s.name}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.conflicts.length > 0 && <p className="hint">{t('team.conflicts', { count: summary.conflicts.length })}</p>}
    </div>
  );
}
