import { useTranslation } from 'react-i18next';

export function ConfirmDialog(props: { message: string; confirmLabel: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-modal="true" aria-label={props.message}>
        <p>{props.message}</p>
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={props.onConfirm} autoFocus>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
