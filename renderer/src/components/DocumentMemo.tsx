import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/queries';
import { useNotices } from '../app/notices';

export function DocumentMemo({ documentId, memo }: { documentId: number; memo: string }) {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const save = useWrite('documents.setMemo');
  const [draft, setDraft] = useState(memo);
  useEffect(() => setDraft(memo), [memo]);
  return (
    <section className="document-memo">
      <label>
        <h3>{t('document.memo')}</h3>
        <textarea value={draft} rows={3} placeholder={t('document.memoPlaceholder')} onChange={(e) => setDraft(e.target.value)} />
      </label>
      {draft !== memo && (
        <button type="button" onClick={() => save.mutate({ id: documentId, memo: draft }, { onError: fail })}>
          {t('document.saveMemo')}
        </button>
      )}
    </section>
  );
}
