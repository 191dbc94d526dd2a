import { type FormEvent, useCallback, useState } from 'react';

/**
 * The busy flag and the error of a form or a button that calls the API: `run` clears the error, marks the work
 * busy, and keeps the error it throws for `<ErrorMessage>`.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (work: () => Promise<void>, event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
