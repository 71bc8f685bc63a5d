import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Work shorter than this shows nothing: a flash on every click would be noise. */
const showAfterMs = 300;

/**
 * Says that the project is being read or written while it takes a moment
 * (word frequencies of a thousand transcripts take a second or two), so that
 * an empty view is not taken for an empty result.
 */
export function ActivityIndicator() {
  const { t } = useTranslation();
  const busy = useIsFetching() + useIsMutating() > 0;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!busy) return setShown(false);
    const timer = setTimeout(() => setShown(true), showAfterMs);
    return () => clearTimeout(timer);
  }, [busy]);
  return (
    <span className="activity" role="status" aria-live="polite">
      {shown ? t('app.working') : ''}
    </span>
  );
}
