import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matrixColumnLimit } from '../../../../shared/analysis/chartSubset';
import { crosstabCells } from '../../../../shared/analysis/frequencies';
import { useRead } from '../../api/queries';
import { useWorkspaceCommands } from '../../app/workspace';
import { SubsetPicker } from './SubsetPicker';

/** Codings, documents and cases per code with bars; or a crosstab of codes × the values of a case attribute. */
export function FrequencyView() {
  const { t } = useTranslation();
  const { showPassages } = useWorkspaceCommands();
  const [by, setBy] = useState('');
  const [subset, setSubset] = useState<{ name: string; value: string } | null>(null);
  const cases = useRead('cases.list', {});
  const attributes = [...new Set((cases.data ?? []).flatMap((c) => Object.keys(c.attributes)))].sort();
  const where = subset ? { [subset.name]: subset.value } : undefined;
  const [binary, setBinary] = useState(false);
  const table = useRead('analysis.frequencies', { by: by && by !== 'cases' ? by : undefined, where });
  const matrix = useRead('analysis.matrix', { cols: 'cases', binary, where }, { enabled: by === 'cases' });
  const max = Math.max(1, ...(table.data?.codes ?? []).map((c) => c.codings));
  const crosstab = table.data?.crosstab;
  const cellOf = crosstab ? crosstabCells(crosstab) : () => undefined;

  return (
    <section className="chart-view" aria-label={t('charts.frequencies')}>
      <div className="chart-controls">
        <SubsetPicker value={subset} onChange={setSubset} />
        <label>
          {t('charts.by')}
          <select value={by} onChange={(e) => setBy(e.target.value)}>
            <option value="">—</option>
            <option value="cases">{t('charts.byCase')}</option>
            {attributes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        {by === 'cases' && (
          <label className="check">
            <input type="checkbox" checked={binary} onChange={(e) => setBinary(e.target.checked)} />
            {t('charts.presence')}
          </label>
        )}
      </div>
      {by === 'cases' && matrix.data && matrix.data.columns.length > matrixColumnLimit && (
        <p className="hint">{t('charts.casesCapped', { shown: matrixColumnLimit, total: matrix.data.columns.length })}</p>
      )}
      {by === 'cases' && matrix.data ? (
        <table className="crosstab matrix">
          <thead>
            <tr>
              <th>{t('charts.code')}</th>
              {matrix.data.columns.slice(0, matrixColumnLimit).map((c) => (
                <th key={c} className="num">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.data.rows.map((row) => (
              <tr key={row.codeId} data-code={row.code}>
                <td title={row.path}>{row.code}</td>
                {row.values.slice(0, matrixColumnLimit).map((v, i) => (
                  <td key={matrix.data.columns[i]} className={v ? 'num' : 'num zero'} data-case={matrix.data.columns[i]}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : crosstab ? (
        <table className="crosstab">
          <thead>
            <tr>
              <th>{t('charts.code')}</th>
              {crosstab.values.map((v) => (
                <th key={v.value} className="num">
                  {v.value} <span className="hint">(n = {v.cases})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.data!.codes.map((code) => (
              <tr key={code.codeId} data-code={code.code}>
                <td title={code.path}>{code.code}</td>
                {crosstab.values.map((v) => {
                  const cell = cellOf(code.codeId, v.value);
                  return (
                    <td key={v.value} className="num" data-value={v.value}>
                      {cell ? `${cell.cases} (${cell.percent}%)` : '0'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="frequencies">
          <thead>
            <tr>
              <th>{t('charts.code')}</th>
              <th className="num">{t('charts.codings')}</th>
              <th className="num">{t('charts.documents')}</th>
              <th className="num">{t('charts.cases')}</th>
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {table.data?.codes.map((code) => (
              <tr key={code.codeId} data-code={code.code} className="clickable" onClick={() => showPassages(code.codeId)} title={code.path}>
                <td>{code.code}</td>
                <td className="num">{code.codings}</td>
                <td className="num">{code.documents}</td>
                <td className="num">{code.cases}</td>
                <td className="bar-cell">
                  <svg width="100%" height="12" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
                    <rect width={(100 * code.codings) / max} height="12" fill="#3b7dd8" />
                  </svg>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
