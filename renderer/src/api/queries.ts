/**
 * Server state lives in one TanStack Query cache. Reads are cached under their
 * operation and input; a successful write invalidates every read whose topics
 * the contract says it touches. Components never refresh by hand.
 */
import { useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { contract, isOpName, type OpInput, type OpName, type OpParsedInput, type OpResult, type Topic } from '../../../shared/api/contract';
import { historyEntry } from '../../../shared/history/inverse';
import { offerRetry } from '../app/notices';
import { useUndo } from '../app/undo';
import { patchCache } from './cachePatches';
import { api } from './client';

/** `inlineError`: the view shows this read's failure itself, so no notice is raised for it (see notices.tsx). */
export function useRead<K extends OpName>(op: K, input: OpInput<K>, options: { enabled?: boolean; inlineError?: boolean } = {}) {
  return useQuery({
    queryKey: [op, input],
    queryFn: () => (api.call as (op: K, input: OpInput<K>) => Promise<OpResult<K>>)(op, input),
    enabled: options.enabled ?? true,
    meta: { inlineError: options.inlineError === true },
  });
}

/** Several reads of one operation at once (the windows of a long list), cached and invalidated like `useRead`. */
export function useReads<K extends OpName>(op: K, inputs: readonly OpInput<K>[]) {
  return useQueries({
    queries: inputs.map((input) => ({ queryKey: [op, input], queryFn: () => (api.call as (op: K, input: OpInput<K>) => Promise<OpResult<K>>)(op, input) })),
  });
}

/** Starts reads before they are needed (a document under the pointer is probably the next one opened). */
export function usePrefetch() {
  const queryClient = useQueryClient();
  return <K extends OpName>(op: K, input: OpInput<K>) =>
    void queryClient.prefetchQuery({ queryKey: [op, input], queryFn: () => (api.call as (op: K, input: OpInput<K>) => Promise<OpResult<K>>)(op, input) });
}

export function useWrite<K extends OpName>(op: K) {
  const queryClient = useQueryClient();
  const history = useUndo();
  const mutation = useMutation({
    mutationFn: (input: OpInput<K>) => (api.call as (op: K, input: OpInput<K>) => Promise<OpResult<K>>)(op, input),
    // Runs before the caller's own error handler, which shows the notice that offers it.
    onError: (error, input) => offerRetry(error, () => mutation.mutate(input)),
    onSuccess: (result, input) => {
      // Another project means another history.
      if (op.startsWith('project.')) history.clear();
      const entry = historyEntry(op, input as OpParsedInput<K>, result);
      if (entry) history.record(entry);
      const patched = patchCache(queryClient, op, input as OpParsedInput<K>, result);
      // Not awaited: the caller's own onSuccess (clear the selection, note the code as recent) need not wait for every pane to refetch.
      void invalidateTopics(queryClient, contract[op].touches, patched);
    },
  });
  return mutation;
}

/** Every read of these topics goes stale and refetches if shown, except those a patch already brought up to date. */
export function invalidateTopics(queryClient: QueryClient, topics: readonly Topic[], upToDate: ReadonlySet<string> = new Set()): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      if (upToDate.has(query.queryHash)) return false;
      const op = query.queryKey[0];
      return typeof op === 'string' && isOpName(op) && contract[op].reads.some((topic) => topics.includes(topic));
    },
  });
}
