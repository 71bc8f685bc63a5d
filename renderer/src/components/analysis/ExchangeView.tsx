import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeImport } from '../../../../shared/api/contract';
import { exportTargets, type ExportTarget } from '../../../../shared/exchange/qdeWriter';
import { useWrite } from '../../api/queries';
import { downloadBytes, readAsBytes } from '../../app/files';
import { useNotices } from '../../app/notices';
import { useTask } from '../../app/tasks';
import { TaskProgressBar } from '../TaskProgressBar';
import { ExchangeSummary } from '../ExchangeSummary';

/** REFI-QDA: the project as .qdpx and the codebook as .qdc for NVivo, ATLAS.ti, MAXQDA, QualCoder; and their files in. */
export function ExchangeView() {
  const { t } = useTranslation();
  const { fail, notify } = useNotices();
  const [target, setTarget] = useState<ExportTarget>('standard');
  const task = useTask();
  const importFile = useWrite('exchange.import');
  const [summary, setSummary] = useState<ExchangeImport | null>(null);

  const download = async (format: 'qdpx' | 'qdc') => {
    try {
      const result = await task.run('exchange.export', { format, target });
      if (!result) return notify('info', t('charts.exportCancelled'));
      downloadBytes(result.fileName, result.file!, format === 'qdpx' ? 'application/zip' : 'application/xml');
    } catch (error) {
      fail(error);
    }
  };

  const bringIn = async (file: File) => {
    try {
      setSummary(await importFile.mutateAsync({ upload: { fileName: file.name, bytes: await readAsBytes(file) } }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="chart-view exchange-view" aria-label={t('exchange.heading')}>
      <p>{t('exchange.intro')}</p>
      <div className="chart-controls">
        <label>
          {t('exchange.target')}
          <select value={target} onChange={(e) => setTarget(e.target.value as ExportTarget)}>
            {exportTargets.map((name) => (
              <option key={name} value={name}>
                {t(`exchange.targets.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={task.running} onClick={() => void download('qdpx')}>
          {t('exchange.exportProject')}
        </button>
        <button type="button" disabled={task.running} onClick={() => void download('qdc')}>
          {t('exchange.exportCodebook')}
        </button>
      </div>
      <TaskProgressBar task={task} />
      <p className="hint" data-testid="target-explained">
        {t(`exchange.explain.${target}`)}
      </p>
      <div className="chart-controls">
        <label className="file-button">
          {t('exchange.import')}
          <input type="file" accept=".qdpx,.qdc" aria-label={t('exchange.import')} onChange={(e) => e.target.files?.[0] && void bringIn(e.target.files[0])} />
        </label>
      </div>
      {summary && (
        <div role="status">
          <ExchangeSummary summary={summary} />
        </div>
      )}
    </section>
  );
}
