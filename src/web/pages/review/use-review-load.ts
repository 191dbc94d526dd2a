import { useCallback, useEffect, useRef, useState } from 'react';

/** Loads when `key` changes and on `reload()`; the error stays until the next success. */
export function useReviewLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; reload: () => Promise<void> } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const loadRef = useRef(load);
  loadRef.current = load;
  const key = JSON.stringify(deps);
  const reload = useCallback(async () => {
    try {
      setData(await loadRef.current());
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what the load depends on
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { data, error, reload };
}
