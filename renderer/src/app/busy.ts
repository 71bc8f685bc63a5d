/** A task started from a button: the button is disabled while it runs, and a failure becomes the usual notice. */
import { useCallback, useState } from 'react';
import { useNotices } from './notices';

export function useBusyTask(): [boolean, (task: () => Promise<void>) => Promise<void>] {
  const { fail } = useNotices();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (task: () => Promise<void>) => {
      setBusy(true);
      try {
        await task();
      } catch (error) {
        fail(error);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );
  return [busy, run];
}
