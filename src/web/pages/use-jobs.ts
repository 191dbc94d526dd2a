// Polls the job list every two seconds while the jobs page is open and a token is set, or the session of a
// signed-in secretariat administrator stands in for it (`viaSession`).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, listJobs } from '../api/client.ts';
import type { Job } from '../api/types.ts';

export const refreshIntervalMs = 2_000;

export type JobsState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'loaded'; jobs: Job[]; at: Date }
  | { state: 'failed'; error: unknown };

function isAuthError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

export function useJobs(token: string, viaSession = false): { jobs: JobsState; refresh: () => void } {
  const [jobs, setJobs] = useState<JobsState>({ state: 'idle' });
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const latest = useRef(0);

  useEffect(() => {
    void tick;
    if (!token && !viaSession) {
      setJobs({ state: 'idle' });
      return;
    }
    const abort = new AbortController();
    let timer: number | undefined;
    const load = async () => {
      const call = ++latest.current;
      try {
        const list = await listJobs(token, abort.signal);
        if (call !== latest.current) return;
        setJobs({ state: 'loaded', jobs: list, at: new Date() });
      } catch (error) {
        if (abort.signal.aborted || call !== latest.current) return;
        setJobs({ state: 'failed', error });
        // A refused token will not start working by itself: stop asking until it changes.
        if (isAuthError(error)) return;
      }
      timer = window.setTimeout(load, refreshIntervalMs);
    };
    setJobs((current) => (current.state === 'loaded' ? current : { state: 'loading' }));
    void load();
    return () => {
      abort.abort();
      window.clearTimeout(timer);
    };
  }, [token, viaSession, tick]);

  return { jobs, refresh };
}
