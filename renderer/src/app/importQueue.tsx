/**
 * The import workflow: files go to the core in the uploads of
 * shared/import/uploadBatches.ts (plain transcripts several to a call, every
 * other file alone), so the progress shown is real and Cancel stops between
 * calls — everything finished stays, nothing is half-imported. Survey files
 * pause the queue for the researcher to mark the columns' roles.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { contract, type ExchangeImport, type Topic } from '../../../shared/api/contract';
import type { ImportOutcome, SurveyPreview } from '../../../shared/model/types';
import { ApiError } from '../../../shared/api/client';
import { uploadBatches } from '../../../shared/import/uploadBatches';
import { api } from '../api/client';
import { invalidateTopics } from '../api/queries';
import { readAsBytes } from './files';
import { useNotices } from './notices';

export interface SurveyChoice {
  idColumn?: string;
  textColumns: string[];
  attributeColumns: string[];
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'survey'; preview: SurveyPreview; answer(choice: SurveyChoice | null): void }
  | { phase: 'running'; current: number; total: number; fileName: string }
  | { phase: 'done'; outcomes: ImportOutcome[]; exchanges: ExchangeImport[]; total: number; cancelled: boolean };

const surveyFile = /\.(csv|tsv)$/i;
const exchangeFile = /\.(qdpx|qdc)$/i;
/**
 * While an import runs, the views re-read what it changed at most this often, and once at its end: re-read
 * after every file, 500 web pages (each sent alone, as Word files are) spent most of a minute re-reading a project growing under them.
 */
const refreshEveryMs = 2000;

interface ImportCommands {
  start(files: File[]): void;
  cancel(): void;
  dismiss(): void;
}

// The commands apart from the state: the whole workspace starts imports, and must not re-render with every file's progress.
const ImportCommandsContext = createContext<ImportCommands | null>(null);
const ImportStateContext = createContext<ImportState | null>(null);

export function ImportProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { fail } = useNotices();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const cancelled = useRef(false);

  const askSurvey = (preview: SurveyPreview) => new Promise<SurveyChoice | null>((resolve) => setState({ phase: 'survey', preview, answer: resolve }));

  const start = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      cancelled.current = false;
      void (async () => {
        const outcomes: ImportOutcome[] = [];
        const exchanges: ExchangeImport[] = [];
        let done = 0;
        const changed = new Set<Topic>();
        let refreshedAt = performance.now();
        const refresh = async (topics: readonly Topic[], now = false) => {
          for (const topic of topics) changed.add(topic);
          if (!now && performance.now() - refreshedAt < refreshEveryMs) return;
          if (changed.size > 0) await invalidateTopics(queryClient, [...changed]);
          changed.clear();
          refreshedAt = performance.now();
        };
        try {
          for (const batch of uploadBatches(files)) {
            if (cancelled.current) break;
            const first = batch[0]!;
            const last = batch[batch.length - 1]!;
            done += batch.length;
            if (exchangeFile.test(first.name)) {
              setState({ phase: 'running', current: done, total: files.length, fileName: first.name });
              try {
                exchanges.push(await api.call('exchange.import', { upload: { fileName: first.name, bytes: await readAsBytes(first) } }));
              } catch (error) {
                if (!(error instanceof ApiError)) throw error;
                outcomes.push({ file: first.name, status: 'failed', error: error.payload });
              }
              await refresh(contract['exchange.import'].touches);
              continue;
            }
            const uploads = await Promise.all(batch.map(async (file) => ({ fileName: file.name, bytes: await readAsBytes(file) })));
            let survey: SurveyChoice | undefined;
            if (surveyFile.test(first.name)) {
              try {
                const choice = await askSurvey(await api.call('documents.previewSurvey', { upload: uploads[0] }));
                if (!choice) continue;
                survey = choice;
              } catch {
                // An unreadable CSV is reported by the import itself, with its reason.
              }
            }
            setState({ phase: 'running', current: done, total: files.length, fileName: last.name });
            outcomes.push(...(await api.call('documents.importUploads', { files: uploads, survey })));
            await refresh(contract['documents.importUploads'].touches);
          }
          await refresh([], true);
          setState({ phase: 'done', outcomes, exchanges, total: files.length, cancelled: cancelled.current });
        } catch (error) {
          fail(error);
          await refresh([], true).catch(() => undefined);
          setState({ phase: 'done', outcomes, exchanges, total: files.length, cancelled: true });
        }
      })();
    },
    [queryClient, fail],
  );

  const commands = useMemo<ImportCommands>(
    () => ({
      start,
      cancel: () => (cancelled.current = true),
      dismiss: () => setState({ phase: 'idle' }),
    }),
    [start],
  );
  return (
    <ImportCommandsContext.Provider value={commands}>
      <ImportStateContext.Provider value={state}>{children}</ImportStateContext.Provider>
    </ImportCommandsContext.Provider>
  );
}

export function useImport(): ImportCommands {
  const value = useContext(ImportCommandsContext);
  if (!value) throw new Error('useImport outside ImportProvider');
  return value;
}

export function useImportState(): ImportState {
  const value = useContext(ImportStateContext);
  if (!value) throw new Error('useImportState outside ImportProvider');
  return value;
}
