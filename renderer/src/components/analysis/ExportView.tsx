import { strToU8, zipSync } from 'fflate';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportZipLevel } from '../../../../shared/files/zipLevel';
import { api } from '../../api/client';
import { downloadBlob } from '../../app/files';
import { useNotices } from '../../app/notices';

/** The mixed-methods dataset as one zip of CSV files, built a file at a time with progress and cancel. */
export function ExportView() {
  const { t } = useTranslation();
  const { fail, notify } = useNotices();
  const [excel, setExcel] = useState(false);
  const [semicolon, setSemicolon] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const cancelled = useRef(false);

  const run = async () => {
    cancelled.current = false;
    try {
      const names = await api.call('export.datasetFiles', {});
      const files: Record<string, Uint8Array> = {};
      for (const [i, name] of names.entries()) {
        if (cancelled.current) return notify('info', t('charts.exportCancelled'));
        setProgress({ done: i, total: names.length, file: name });
        const { content } = await api.call('export.datasetFile', { name, excel, delimiter: semicolon || excel ? ';' : ',' });
        files[name] = strToU8(content);
      }
      downloadBlob('tematik-dataset.zip', new Blob([zipSync(files, { level: exportZipLevel }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      notify('info', t('charts.exported', { count: names.length }));
    } catch (error) {
      fail(error);
    } finally {
      setProgress(null);
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
        <button type="button" className="primary" disabled={progress !== null} onClick={() => void run()}>
          {t('charts.exportDataset')}
        </button>
      </div>
      {progress && (
        <div className="import-progress" role="status">
          <progress max={progress.total} value={progress.done} />
          <span>{t('charts.exportProgress', { current: progress.done + 1, total: progress.total, file: progress.file })}</span>
          <button type="button" onClick={() => (cancelled.current = true)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
