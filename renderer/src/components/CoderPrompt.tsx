import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/queries';
import { useNotices } from '../app/notices';

/** Asked once per project (and on "change coder"): every coding records who made it. */
export function CoderPrompt({ initial = '', onClose }: { initial?: string; onClose?: () => void }) {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const setCoder = useWrite('coder.set');
  const [name, setName] = useState(initial);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) setCoder.mutate({ name: name.trim() }, { onSuccess: onClose, onError: fail });
  };

  return (
    <div className="modal-backdrop">
      <form className="modal" onSubmit={submit} aria-labelledby="coder-prompt">
        <p id="coder-prompt">{t('coder.prompt')}</p>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder={t('coder.placeholder')} aria-label={t('coder.label')} />
        <div className="modal-actions">
          {onClose && (
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('coder.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
