import type { JobService } from './job.service.ts';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Queues a run of a recurring job (retention deletions, mail digests, reminders) at `runAt` unless one of its kind
 * is already waiting. The server calls it at start and each run calls it for the next one, so the schedule lives in
 * the job queue and survives restarts; `safer jobs run` from cron runs whatever is due.
 */
export async function scheduleRecurring(jobs: JobService, kind: string, payload: Record<string, unknown>, runAt: Date): Promise<void> {
  const waiting = (await jobs.list(1000, 'queued')).some((j) => j.kind === kind);
  if (!waiting) await jobs.enqueue(kind, payload, { runAt });
}
