/**
 * The session's undo history. Every undoable write that succeeds leaves an
 * entry built from the operation itself (shared/history/inverse.ts); undo and
 * redo send its steps as one `history.apply` operation, so each is a single
 * transaction, and refresh the reads those steps touch. Ctrl+Z and its
 * buttons reach it through the action registry (app/actions.tsx).
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { contract, type Topic } from '../../../shared/api/contract';
import type { HistoryEntry } from '../../../shared/history/inverse';
import { api } from '../api/client';
import { invalidateTopics } from '../api/queries';
import { useNotices } from './notices';

const LIMIT = 500;

interface Undo {
  canUndo: HistoryEntry | null;
  canRedo: HistoryEntry | null;
  record(entry: HistoryEntry): void;
  clear(): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const UndoContext = createContext<Undo | null>(null);

export function UndoProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { fail } = useNotices();
  const undoStack = useRef<HistoryEntry[]>([]);
  const redoStack = useRef<HistoryEntry[]>([]);
  // Undo and redo run one after another, in the order asked: a quick second press waits, it is not lost.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  const apply = useCallback(
    async (entry: HistoryEntry, direction: 'undo' | 'redo') => {
      const steps = entry[direction];
      await api.call('history.apply', { steps });
      const topics = new Set<Topic>(steps.flatMap((step) => contract[step.op].touches));
      await invalidateTopics(queryClient, [...topics]);
    },
    [queryClient],
  );

  const move = useCallback(
    (from: React.RefObject<HistoryEntry[]>, to: React.RefObject<HistoryEntry[]>, direction: 'undo' | 'redo') => {
      queue.current = queue.current.then(async () => {
        const entry = from.current.at(-1);
        if (!entry) return;
        try {
          await apply(entry, direction);
          from.current.pop();
          to.current.push(entry);
          changed();
        } catch (error) {
          fail(error);
        }
      });
      return queue.current;
    },
    [apply, fail],
  );

  const value = useMemo<Undo>(
    () => ({
      canUndo: undoStack.current.at(-1) ?? null,
      canRedo: redoStack.current.at(-1) ?? null,
      record: (entry) => {
        undoStack.current = [...undoStack.current.slice(-(LIMIT - 1)), entry];
        redoStack.current = [];
        changed();
      },
      clear: () => {
        undoStack.current = [];
        redoStack.current = [];
        changed();
      },
      undo: () => move(undoStack, redoStack, 'undo'),
      redo: () => move(redoStack, undoStack, 'redo'),
    }),
    // The stacks live in refs; their lengths tell when a new value is due.
    [move, undoStack.current.length, redoStack.current.length],
  );

  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}

export function useUndo(): Undo {
  const value = useContext(UndoContext);
  if (!value) throw new Error('useUndo outside UndoProvider');
  return value;
}
