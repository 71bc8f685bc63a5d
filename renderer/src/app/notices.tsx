/** One place where errors and confirmations of done work are shown, in the UI language. */
import type { TFunction } from 'i18next';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';

interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** Sends a failed write again, once the researcher has freed space or put the file back. */
  retry?: () => void;
}

/** Failures the researcher can mend without leaving the screen; the action stays on offer until then. */
const mendable = new Set(['disk_full', 'write_failed', 'project_moved']);
const retries = new WeakMap<object, () => void>();

/** Remembers how to send a failed write again, for the notice that reports its error. */
export function offerRetry(error: unknown, retry: () => void): void {
  if (error instanceof ApiError && mendable.has(error.payload.code)) retries.set(error, retry);
}

/** An error in the UI language: API errors by their code and parameters, anything else as it says. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.${error.payload.code}`, error.payload.params);
  return error instanceof Error ? error.message : String(error);
}

const NoticeContext = createContext<{ notify(kind: Notice['kind'], text: string): void; fail(error: unknown): void } | null>(null);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((kind: Notice['kind'], text: string) => setNotice({ kind, text }), []);
  const fail = useCallback((error: unknown) => setNotice({ kind: 'error', text: errorText(t, error), retry: typeof error === 'object' && error ? retries.get(error) : undefined }), [t]);
  // A read that fails (the project moved, a file gone) would otherwise leave its view empty without a word.
  // Reads of a project just closed fail too, while the welcome screen replaces their views: that is no news.
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error' || event.query.meta?.inlineError === true) return;
        const error = event.action.error;
        if (!(error instanceof ApiError && error.payload.code === 'no_project')) fail(error);
      }),
    [queryClient, fail],
  );
  return (
    <NoticeContext.Provider value={{ notify, fail }}>
      {children}
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.retry && (
            <button
              type="button"
              className="notice-retry"
              onClick={() => {
                setNotice(null);
                notice.retry!();
              }}
            >
              {t('common.retry')}
            </button>
          )}
          <button type="button" onClick={() => setNotice(null)} aria-label={t('common.close')}>
            ×
          </button>
        </div>
      )}
    </NoticeContext.Provider>
  );
}

export function useNotices() {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotices outside NoticeProvider');
  return value;
}
