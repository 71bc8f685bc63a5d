import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBytes } from '../../app/files';
import { useNotices } from '../../app/notices';
import { useTask } from '../../app/tasks';
import { TaskProgressBar } from '../TaskProgressBar';

/** The mixed-methods dataset as one zip of CSV files, written by the core a file at a time with progress and cancel. */
export function ExportView() {
  const { t } = useTranslation();
  const { fail, notify } = useNotices();
  const [excel, setExcel] = useState(false);
  const [semicolon, setSemicolon] = useState(false);
  const task = useTask();

  const run = async () => {
    try {
      const dataset = await task.run('export.dataset', { excel, delimiter: semicolon || excel ? ';' : ',' });
      if (!dataset) return notify('info', t('charts.exportCancelled'));
      downloadBytes(dataset.fileName, dataset.file, 'application/zip');
      notify('info', t('charts.exported', { count: dataset.files }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="chart-view" aria-label={t('charts.export')}>
      <p>{t('charts.exportIntro')}</p>
      <div className="chart-controls">
        <label className="check">
          <input type="checkbox" checked={excel} onChange={(e) => setExcel(e.target.checked)} />
          {t('charts.excel')}
        </label>
        <label className="check">
          <input type="checkbox" checked={semicolon || excel} disabled={excel} onChange={(e) => setSemicolon(e.target.checked)} />
          {t('charts.semicolon')}
        </label>
        <button type="button" className="primary" disabled={task.running} onClick={() => void run()}>
          {t('charts.exportDataset')}
        </button>
      </div>
      <TaskProgressBar task={task} />
    </section>
  );
}
