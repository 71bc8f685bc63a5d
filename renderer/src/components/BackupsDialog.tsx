import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/api/contract';
import { api } from '../api/client';
import { invalidateTopics, useRead, useWrite } from '../api/queries';
import { formatDateTime } from '../app/dates';
import { useNotices } from '../app/notices';
import { ConfirmDialog } from './ConfirmDialog';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The project's backups, newest first, with what changed since each; back up now, restore one, and the automatic schedule. */
export function BackupsDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { fail, notify } = useNotices();
  const queryClient = useQueryClient();
  const backups = useRead('project.backups', {});
  const settings = useRead('project.backupSettings', {});
  const save = useWrite('project.setBackupSettings');
  const restore = useWrite('project.restore');
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const trash = useRead('trash.list', {});
  const restoreItem = useWrite('trash.restore');
  const emptyTrash = useWrite('trash.empty');

  const backupNow = async () => {
    setBusy(true);
    try {
      const made = await api.call('project.backup', {});
      notify('info', t('backups.made', { file: made.file }));
      await invalidateTopics(queryClient, ['app']);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="modal wide" role="dialog" aria-modal="true" aria-label={t('backups.title')}>
        <h2>{t('backups.title')}</h2>
        <p className="hint">{t('backups.intro')}</p>
        <div className="chart-controls">
          <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()}>
            {t('backups.now')}
          </button>
          {settings.data && (
            <>
              <NumberSetting label={t('backups.every')} max={1440} value={settings.data.everyMinutes} onSave={(everyMinutes) => save.mutate({ ...settings.data!, everyMinutes }, { onError: fail })} />
              <NumberSetting label={t('backups.keep')} max={1000} value={settings.data.keep} onSave={(keep) => save.mutate({ ...settings.data!, keep }, { onError: fail })} />
            </>
          )}
        </div>
        {backups.data?.length === 0 && <p>{t('backups.none')}</p>}
        <table className="backups">
          <tbody>
            {(backups.data ?? []).map((b) => (
              <tr key={b.path} data-kind={b.kind}>
                <td>{formatDateTime(b.at, i18n.language)}</td>
                <td>{t(`backups.kinds.${b.kind}`)}</td>
                <td className="num">{(b.bytes / 1024).toFixed(0)} KB</td>
                <td>{b.since ? t('backups.since', { documents: signed(b.since.documents), codes: signed(b.since.codes), codings: signed(b.since.codings) }) : t('backups.unreadable')}</td>
                <td>
                  <button type="button" onClick={() => setRestoring(b)}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('trash.heading')}</h3>
        {trash.data?.length === 0 && <p className="hint">{t('trash.none')}</p>}
        <table className="backups trash">
          <tbody>
            {(trash.data ?? []).map((item) => (
              <tr key={item.id} data-kind={item.kind}>
                <td>{formatDateTime(item.deletedAt, i18n.language)}</td>
                <td>{t(`trash.kinds.${item.kind}`, { name: item.name })}</td>
                <td>{t('trash.holds', { codes: item.codes, codings: item.codings })}</td>
                <td>
                  <button type="button" onClick={() => restoreItem.mutate({ id: item.id }, { onSuccess: () => notify('info', t('trash.restored', { name: item.name })), onError: fail })}>
                    {t('trash.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="modal-actions">
          {(trash.data?.length ?? 0) > 0 && (
            <button type="button" className="danger" onClick={() => emptyTrash.mutate({}, { onError: fail })}>
              {t('trash.empty')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
      {restoring && (
        <ConfirmDialog
          message={t('backups.confirm', { when: formatDateTime(restoring.at, i18n.language) })}
          confirmLabel={t('backups.restore')}
          onCancel={() => setRestoring(null)}
          onConfirm={() =>
            restore.mutate(
              { backup: restoring.path },
              {
                onSuccess: () => {
                  setRestoring(null);
                  notify('info', t('backups.restored'));
                  onClose();
                },
                onError: fail,
              },
            )
          }
        />
      )}
    </div>
  );
}

/** A whole number of the backup schedule, saved when the field is left. */
function NumberSetting(props: { label: string; max: number; value: number; onSave(value: number): void }) {
  return (
    <label>
      {props.label}
      <input type="number" min={1} max={props.max} defaultValue={props.value} onBlur={(e) => props.onSave(Math.min(props.max, Math.max(1, Math.round(Number(e.target.value) || props.value))))} />
    </label>
  );
}
