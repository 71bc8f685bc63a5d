import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenCodeTree } from '../../../../shared/model/codeTree';
import { agreementUnits, type AgreementUnit } from '../../../../shared/reliability/units';
import { api } from '../../api/client';
import { useRead } from '../../api/queries';
import { downloadBlob } from '../../app/files';
import { useNotices } from '../../app/notices';

const types = { md: 'text/markdown;charset=utf-8', html: 'text/html;charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

/** A chapter draft: the researcher picks themes, a grouping, a language and a format. */
export function ReportView() {
  const { t, i18n } = useTranslation();
  const { fail } = useNotices();
  const codes = useRead('codes.list', {});
  const cases = useRead('cases.list', {});
  const attributes = [...new Set((cases.data ?? []).flatMap((c) => Object.keys(c.attributes)))].sort();
  const [themes, setThemes] = useState<number[]>([]);
  const [by, setBy] = useState('');
  const [lang, setLang] = useState<'en' | 'id'>(i18n.resolvedLanguage === 'id' ? 'id' : 'en');
  const [format, setFormat] = useState<'md' | 'html' | 'docx'>('docx');
  const [busy, setBusy] = useState(false);
  const coders = useRead('coders.list', {});
  const [reliabilityCoders, setReliabilityCoders] = useState<string[]>([]);
  const [unit, setUnit] = useState<AgreementUnit>('sentence');
  const compared = reliabilityCoders.filter((c) => coders.data?.includes(c));

  const write = async () => {
    setBusy(true);
    try {
      const reliability = compared.length >= 2 ? { coders: compared, unit } : undefined;
      const report = await api.call('report.build', { themes, by: by || undefined, lang, format, reliability });
      const bytes = report.encoding === 'base64' ? Uint8Array.from(atob(report.content), (c) => c.charCodeAt(0)) : report.content;
      downloadBlob(report.fileName, new Blob([bytes], { type: types[format] }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="chart-view report-view" aria-label={t('charts.report')}>
      <p>{t('charts.reportIntro')}</p>
      <fieldset className="theme-picker">
        <legend>{t('charts.themes')}</legend>
        {flattenCodeTree(codes.data ?? []).map(({ code, depth }) => (
          <label key={code.id} style={{ paddingLeft: `${depth * 14}px` }}>
            <input type="checkbox" checked={themes.includes(code.id)} onChange={(e) => setThemes(e.target.checked ? [...themes, code.id] : themes.filter((id) => id !== code.id))} />
            {code.name}
          </label>
        ))}
      </fieldset>
      <div className="chart-controls">
        <label>
          {t('charts.groupBy')}
          <select value={by} onChange={(e) => setBy(e.target.value)}>
            <option value="">—</option>
            {attributes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('charts.reportLanguage')}
          <select value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'id')}>
            <option value="en">English</option>
            <option value="id">Bahasa Indonesia</option>
          </select>
        </label>
        <label>
          {t('charts.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            <option value="docx">Word (.docx)</option>
            <option value="md">Markdown (.md)</option>
            <option value="html">HTML (.html)</option>
          </select>
        </label>
        {(coders.data?.length ?? 0) > 1 && (
          <fieldset className="coder-choice">
            <legend>{t('charts.reliabilityOf')}</legend>
            {coders.data!.map((coder) => (
              <label key={coder} className="check">
                <input
                  type="checkbox"
                  checked={compared.includes(coder)}
                  onChange={(e) => setReliabilityCoders(e.target.checked ? [...compared, coder] : compared.filter((c) => c !== coder))}
                />
                {coder}
              </label>
            ))}
            {compared.length >= 2 && (
              <select aria-label={t('agreement.unit')} value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)}>
                {agreementUnits.filter((u) => u !== 'segment' || compared.length === 2).map((u) => (
                  <option key={u} value={u}>
                    {t(`agreement.units.${u}`)}
                  </option>
                ))}
              </select>
            )}
          </fieldset>
        )}
        <button type="button" className="primary" disabled={themes.length === 0 || busy} onClick={() => void write()}>
          {t('charts.writeReport')}
        </button>
      </div>
    </section>
  );
}
