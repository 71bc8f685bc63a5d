import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditCsv } from '../../../../shared/csv/auditCsv';
import { api } from '../../api/client';
import { useRead } from '../../api/queries';
import { formatDateTime } from '../../app/dates';
import { downloadText } from '../../app/files';
import { useNotices } from '../../app/notices';

const shown = 500;

/** The audit trail: every change, who made it and when; filtered by coder, document, code or date; exported as CSV. */
export function AuditView() {
  const { t, i18n } = useTranslation();
  const { fail } = useNotices();
  const coders = useRead('coders.list', {});
  const documents = useRead('documents.list', {});
  const codes = useRead('codes.list', {});
  const [coder, setCoder] = useState('');
  const [documentId, setDocumentId] = useState(0);
  const [codeId, setCodeId] = useState(0);
  const [since, setSince] = useState('');
  const filter = { coder: coder || undefined, documentId: documentId || undefined, codeId: codeId || undefined, since: since || undefined };
  const log = useRead('audit.list', { ...filter, limit: shown });
  const documentName = new Map((documents.data ?? []).map((d) => [d.id, d.name]));
  const codeName = new Map((codes.data ?? []).map((c) => [c.id, c.name]));

  const exportCsv = async () => {
    try {
      const { entries } = await api.call('audit.list', { ...filter, limit: 1_000_000 });
      downloadText('tematik-log.csv', auditCsv(entries, { documents: documentName, codes: codeName }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="chart-view audit-view" aria-label={t('audit.heading')}>
      <p>{t('audit.intro')}</p>
      <div className="chart-controls">
        <label>
          {t('retrieval.coder')}
          <select value={coder} onChange={(e) => setCoder(e.target.value)}>
            <option value="">{t('retrieval.allCoders')}</option>
            {(coders.data ?? []).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <NamedSelect label={t('audit.document')} items={documents.data} value={documentId} onChange={setDocumentId} />
        <NamedSelect label={t('charts.code')} items={codes.data} value={codeId} onChange={setCodeId} />
        <label>
          {t('audit.since')}
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
        <button type="button" onClick={() => void exportCsv()}>
          {t('audit.export')}
        </button>
      </div>
      {log.data && (
        <>
          <p className="hint">{t('audit.count', { count: log.data.total, shown: Math.min(shown, log.data.total) })}</p>
          <table className="audit">
            <thead>
              <tr>
                <th>{t('audit.when')}</th>
                <th>{t('retrieval.coder')}</th>
                <th>{t('audit.what')}</th>
                <th>{t('audit.where')}</th>
                <th>{t('audit.input')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.entries.map((e) => (
                <tr key={e.id} data-op={e.op}>
                  <td>{formatDateTime(e.at, i18n.language)}</td>
                  <td>{e.coder}</td>
                  <td>{t(`history.ops.${e.op}`, { defaultValue: e.op })}</td>
                  <td>{[e.documentId && documentName.get(e.documentId), e.codeId && codeName.get(e.codeId)].filter(Boolean).join(' · ')}</td>
                  <td className="audit-input">{e.input}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A filter over named items by id; 0 is “any”. */
function NamedSelect(props: { label: string; items: readonly { id: number; name: string }[] | undefined; value: number; onChange(id: number): void }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        <option value={0}>—</option>
        {(props.items ?? []).map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );
}
