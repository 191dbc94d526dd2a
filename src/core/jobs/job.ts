/** Persisted jobs (DESIGN §4 "Jobs"): states, back-off and what may be done in each state. */

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export type Job = {
  id: number;
  kind: string;
  payload: unknown;
  status: JobStatus;
  progress: { done: number; total: number | null; note: string | null };
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  cancelRequested: boolean;
  error: string | null;
  result: unknown;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** Delay before retry number `attempt` (1 = first retry): 5 s, 20 s, 80 s … capped at one hour. */
export function backoffDelayMs(attempt: number): number {
  const base = 5_000 * 4 ** Math.max(0, attempt - 1);
  return Math.min(base, 3_600_000);
}

export function canCancel(status: JobStatus): boolean {
  switch (status) {
    case 'queued':
    case 'running':
      return true;
    case 'succeeded':
    case 'failed':
    case 'cancelled':
      return false;
    default:
      return assertNever(status);
  }
}

export function canRetry(status: JobStatus): boolean {
  switch (status) {
    case 'failed':
    case 'cancelled':
      return true;
    case 'queued':
    case 'running':
    case 'succeeded':
      return false;
    default:
      return assertNever(status);
  }
}

/** What happens to a job whose attempt failed. */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  now: Date,
): { status: 'queued'; runAt: Date } | { status: 'failed' } {
  if (attempts < maxAttempts) return { status: 'queued', runAt: new Date(now.getTime() + backoffDelayMs(attempts)) };
  return { status: 'failed' };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
