import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementCsv } from '../../../../shared/reliability/agreementCsv';
import type { AgreementReport, CodeAgreement } from '../../../../shared/reliability/codingAgreement';
import { methodsParagraph } from '../../../../shared/reliability/methods';
import { agreementUnits, type AgreementUnit } from '../../../../shared/reliability/units';
import { useRead } from '../../api/queries';
import { downloadText } from '../../app/files';
import { DisagreementList } from './DisagreementList';
import { TeamBox } from './TeamBox';

const fixed = (v: number | null, digits = 3) => (v === null ? '—' : v.toFixed(digits));
const interval = (ci: [number, number] | null) => (ci ? `${fixed(ci[0], 2)}–${fixed(ci[1], 2)}` : '');

/** Agreement between coders per code (weakest first), the methods paragraph, the disagreements, and coding packages. */
export function AgreementView() {
  const { t, i18n } = useTranslation();
  const coders = useRead('coders.list', {});
  const [chosen, setChosen] = useState<string[]>([]);
  const [unit, setUnit] = useState<AgreementUnit>('word');
  const [overlap, setOverlap] = useState(0.9);
  const selected = chosen.filter((c) => coders.data?.includes(c));
  const ready = selected.length >= 2 && (unit !== 'segment' || selected.length === 2);
  const report = useRead('analysis.agreement', { coders: selected, unit, overlap: unit === 'segment' ? overlap : undefined }, { enabled: ready });
  const lang = i18n.language === 'id' ? 'id' : 'en';

  const toggle = (coder: string) => setChosen((now) => (now.includes(coder) ? now.filter((c) => c !== coder) : [...now, coder]));

  return (
    <section className="chart-view agreement-view" aria-label={t('agreement.heading')}>
      <p>{t('agreement.intro')}</p>
      <div className="chart-controls">
        <fieldset className="coder-choice">
          <legend>{t('agreement.coders')}</legend>
          {(coders.data ?? []).map((coder) => (
            <label key={coder} className="check">
              <input type="checkbox" checked={selected.includes(coder)} onChange={() => toggle(coder)} />
              {coder}
            </label>
          ))}
        </fieldset>
        <label>
          {t('agreement.unit')}
          <select value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)}>
            {agreementUnits.map((u) => (
              <option key={u} value={u}>
                {t(`agreement.units.${u}`)}
              </option>
            ))}
          </select>
        </label>
        {unit === 'segment' && (
          <label>
            {t('agreement.overlap')}
            <input type="number" min={0.05} max={1} step={0.05} value={overlap} onChange={(e) => setOverlap(Math.min(1, Math.max(0.05, Number(e.target.value) || 0.9)))} />
          </label>
        )}
      </div>
      {!ready && <p className="hint">{unit === 'segment' ? t('agreement.pickTwo') : t('agreement.pickCoders')}</p>}
      {ready && report.data && (
        <>
          <AgreementTable report={report.data} />
          <div className="chart-controls">
            <button type="button" onClick={() => downloadText(`agreement-${unit}.csv`, agreementCsv(report.data))}>
              {t('agreement.exportCsv')}
            </button>
          </div>
          <h3>{t('agreement.methods')}</h3>
          <p className="methods-paragraph" data-testid="methods-paragraph">
            {methodsParagraph(report.data, lang)}
          </p>
          <DisagreementList coders={selected} />
        </>
      )}
      <TeamBox />
    </section>
  );
}

function AgreementTable({ report }: { report: AgreementReport }) {
  const { t } = useTranslation();
  const row = (c: CodeAgreement, pooled = false) => (
    <tr key={pooled ? '(pooled)' : c.code} data-code={pooled ? '' : c.code} className={pooled ? 'pooled' : undefined}>
      <td>{pooled ? t('agreement.pooled') : c.code}</td>
      <td className="num">{c.both}</td>
      {report.coders.map((coder) => (
        <td key={coder} className="num">
          {c.only[coder] ?? 0}
        </td>
      ))}
      <td className="num">{report.unit === 'segment' ? '—' : c.neither}</td>
      <td className="num">{fixed(c.percent, 1)}</td>
      <td className="num" data-stat="kappa">{fixed(c.kappa)}</td>
      <td className="num ci">{interval(c.kappa_ci)}</td>
      <td className="num" data-stat="alpha">{fixed(c.alpha)}</td>
      <td className="num ci">{interval(c.alpha_ci)}</td>
    </tr>
  );
  return (
    <table className="agreement">
      <caption>{t('agreement.caption', { unit: t(`agreement.units.${report.unit}`), coders: report.coders.join(', ') })}</caption>
      <thead>
        <tr>
          <th>{t('charts.code')}</th>
          <th className="num">{t('agreement.both')}</th>
          {report.coders.map((coder) => (
            <th key={coder} className="num">
              {t('agreement.only', { coder })}
            </th>
          ))}
          <th className="num">{t('agreement.neither')}</th>
          <th className="num">%</th>
          <th className="num">{report.coders.length === 2 ? 'Cohen κ' : 'Fleiss κ'}</th>
          <th className="num">95 % CI</th>
          <th className="num">α</th>
          <th className="num">95 % CI</th>
        </tr>
      </thead>
      <tbody>
        {report.codes.map((c) => row(c))}
        {row(report.pooled, true)}
      </tbody>
      {report.pooled.alpha_nominal !== null && (
        <tfoot>
          <tr>
            <td colSpan={8 + report.coders.length}>{t('agreement.codebookAlpha', { value: fixed(report.pooled.alpha_nominal) })}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
