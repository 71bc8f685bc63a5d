import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/model/types';
import { useWrite } from '../api/queries';
import { useNotices } from '../app/notices';

const guidance = ['description', 'inclusion', 'exclusion', 'example', 'atypical', 'memo'] as const;

/** A code's definition and coding guidance, as a methods textbook asks a codebook to hold. */
export function CodeDetailsDialog({ code, onClose }: { code: Code; onClose(): void }) {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const update = useWrite('codes.update');
  const [draft, setDraft] = useState({ name: code.name, color: code.color, description: code.description, inclusion: code.inclusion, exclusion: code.exclusion, example: code.example, atypical: code.atypical, memo: code.memo });

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: code.id, ...draft, name: draft.name.trim() }, { onSuccess: onClose, onError: fail });
  };

  return (
    <div className="modal-backdrop">
      <form className="modal wide code-details" onSubmit={save} aria-label={t('codebook.details')}>
        <h2>{t('codebook.details')}</h2>
        <div className="row">
          <label>
            {t('codebook.name')}
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required />
          </label>
          <label className="color-field">
            {t('codebook.color')}
            <input type="color" value={draft.color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
          </label>
        </div>
        {guidance.map((field) => (
          <label key={field}>
            {t(`codebook.${field}`)}
            <textarea rows={field === 'description' || field === 'memo' ? 3 : 2} value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} />
          </label>
        ))}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!draft.name.trim()}>
            {t('codebook.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
