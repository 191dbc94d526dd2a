// Follows one import: asks for it every second while it runs, and stops once it has ended.
import { useEffect, useState } from 'react';
import { ApiError, getImport } from '../../api/client.ts';
import type { ImportBatch } from '../../api/types.ts';

export const pollIntervalMs = 1_000;

export type Followed = { batch: ImportBatch; error: unknown };

export function useImportBatch(slug: string, started: ImportBatch | undefined, token: string): Followed | undefined {
  const [followed, setFollowed] = useState<Followed>();
  const batchId = started?.batchId;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new upload (batchId) restarts the polling.
  useEffect(() => {
    if (!started) {
      setFollowed(undefined);
      return;
    }
    setFollowed({ batch: started, error: undefined });
    if (started.status !== 'running') return;
    const abort = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        const batch = await getImport(slug, started.batchId, token, abort.signal);
        setFollowed({ batch, error: undefined });
        if (batch.status !== 'running') return;
      } catch (error) {
        if (abort.signal.aborted) return;
        setFollowed((current) => ({ batch: current?.batch ?? started, error }));
        // Asking again will not help a refused token or a batch that does not exist.
        if (error instanceof ApiError && [401, 403, 404].includes(error.status)) return;
      }
      timer = window.setTimeout(poll, pollIntervalMs);
    };
    timer = window.setTimeout(poll, pollIntervalMs);
    return () => {
      abort.abort();
      window.clearTimeout(timer);
    };
  }, [slug, batchId, token]);

  return followed;
}
