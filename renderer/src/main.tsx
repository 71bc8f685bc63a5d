import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ActionsProvider } from './app/actions';
import { App } from './app/App';
import { prepareDateFormats } from './app/dates';
import { ErrorBoundary } from './app/ErrorBoundary';
import { NoticeProvider } from './app/notices';
import { UndoProvider } from './app/undo';
import './api/bridge';
import { setupI18n } from './i18n/setup';
import './styles/app.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});

// Menu actions in Electron change the project behind the page's back.
window.tematik?.onChanged(() => void queryClient.invalidateQueries());

await setupI18n();
prepareDateFormats(['en', 'id']);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <UndoProvider>
          <ActionsProvider>
            <ErrorBoundary>
              <App />
            </ErrorBoundary>
          </ActionsProvider>
        </UndoProvider>
      </NoticeProvider>
    </QueryClientProvider>
  </StrictMode>,
);
