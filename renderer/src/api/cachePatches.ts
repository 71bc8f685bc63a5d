/**
 * Writes whose result says exactly how a cached read changes. Coding a
 * passage in a document with 5,000 codings would otherwise bring all 5,000
 * back over the wire after every click: the document's span list is patched
 * from the codings the write returns, and left out of the refetch. Every
 * other read the write touches (counts, co-occurrence) is still invalidated.
 */
import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { OpName, OpParsedInput, OpResult } from '../../../shared/api/contract';
import { spanOf, withSpans, withoutSpans } from '../../../shared/model/codingSpans';
import type { Coding, CodingSpan } from '../../../shared/model/types';

type Patch<K extends OpName> = (queryClient: QueryClient, input: OpParsedInput<K>, result: OpResult<K>) => string[];

/** Folds codings into (or out of) their documents' cached span lists; the hashes of the lists it changed. */
function patchSpans(queryClient: QueryClient, codings: readonly Coding[], change: (spans: readonly CodingSpan[], mine: readonly Coding[]) => CodingSpan[]): string[] {
  const patched: string[] = [];
  for (const documentId of new Set(codings.map((c) => c.documentId))) {
    const key = ['codings.spans', { documentId }];
    // A list not in the cache is fetched when it is next shown, and one being fetched may predate the write: those are refetched instead.
    if (!queryClient.getQueryData(key) || queryClient.getQueryState(key)?.fetchStatus === 'fetching') continue;
    queryClient.setQueryData<CodingSpan[]>(key, (spans) => spans && change(spans, codings.filter((c) => c.documentId === documentId)));
    patched.push(hashKey(key));
  }
  return patched;
}

const added = (queryClient: QueryClient, codings: readonly Coding[]) => patchSpans(queryClient, codings, (spans, mine) => withSpans(spans, mine.map(spanOf)));

const patches: { [K in OpName]?: Patch<K> } = {
  'codings.create': (queryClient, _input, coding) => added(queryClient, [coding]),
  'codings.apply': (queryClient, _input, { codings }) => added(queryClient, codings),
  'codings.inVivo': (queryClient, _input, { coding }) => added(queryClient, [coding]),
  'codings.delete': (queryClient, _input, coding) => patchSpans(queryClient, [coding], (spans) => withoutSpans(spans, new Set([coding.id]))),
};

/** Applies the write's patch, if it has one; the query hashes it brought up to date. */
export function patchCache<K extends OpName>(queryClient: QueryClient, op: K, input: OpParsedInput<K>, result: OpResult<K>): ReadonlySet<string> {
  const patch = patches[op] as Patch<K> | undefined;
  return new Set(patch ? patch(queryClient, input, result) : []);
}
