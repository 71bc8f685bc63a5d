import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/queries';
import { useNotices } from '../app/notices';

/** Marks a coding as a key quote: the chapter report quotes marked passages instead of choosing its own. */
export function KeyQuoteToggle({ codingId, on }: { codingId: number; on: boolean }) {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const update = useWrite('codings.update');
  const label = on ? t('document.keyQuoteOn') : t('document.keyQuoteOff');
  return (
    <button type="button" className={on ? 'key-quote on' : 'key-quote'} aria-pressed={on} aria-label={t('document.keyQuote')} title={label} onClick={() => update.mutate({ id: codingId, keyQuote: !on }, { onError: fail })}>
      {on ? '★' : '☆'}
    </button>
  );
}
