// Loads something from the API whenever its key changes, cancelling the previous request. While a
// new answer is on its way the previous one stays available, so a filtered table does not blink.
import { useEffect, useState } from 'react';

export type Load<T> =
  | { state: 'loading'; previous: T | undefined }
  | { state: 'failed'; error: unknown }
  | { state: 'loaded'; value: T };

/** `key` undefined means nothing to load (yet). */
export function useLoad<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: 'loading', previous: undefined });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names everything `load` reads.
  useEffect(() => {
    if (key === undefined) return;
    const abort = new AbortController();
    setResult((current) => ({ state: 'loading', previous: latestOf(current) }));
    load(abort.signal).then(
      (value) => {
        if (!abort.signal.aborted) setResult({ state: 'loaded', value });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setResult({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [key]);

  return result;
}

/** The latest value, loaded or still shown while the next one loads. */
export function latestOf<T>(load: Load<T>): T | undefined {
  if (load.state === 'loaded') return load.value;
  if (load.state === 'loading') return load.previous;
  return undefined;
}
