import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import type { JobService } from '../jobs/job.service.ts';
import type { AuditService } from './audit.service.ts';

export const AUDIT_RETENTION_JOB = 'audit.retention';
const dayMs = 24 * 60 * 60 * 1000;

/**
 * The `audit.retention` job: deletes audit log entries older than the retention period (`SAFER_AUDIT_RETENTION_DAYS`,
 * seven years by default) and records how many it deleted. Nothing else deletes or edits an entry. Each run
 * queues the next one a day later.
 */
export function auditRetentionJob(audit: AuditService, jobs: JobService, retentionDays: number) {
  return defineJob({
    kind: AUDIT_RETENTION_JOB,
    payload: z.object({}),
    maxAttempts: 3,
    async run(ctx) {
      const deleted = await audit.applyRetention(retentionDays);
      await ctx.progress(1, 1, `${deleted} entries older than ${retentionDays} days deleted`);
      await scheduleAuditRetention(jobs, new Date(Date.now() + dayMs));
      return { deleted };
    },
  });
}

/** Queues the retention job unless one is queued already (the server calls it at start). */
export async function scheduleAuditRetention(jobs: JobService, runAt = new Date()): Promise<void> {
  const queued = await jobs.list(1000, 'queued');
  if (queued.some((j) => j.kind === AUDIT_RETENTION_JOB && j.id !== undefined)) return;
  await jobs.enqueue(AUDIT_RETENTION_JOB, {}, { runAt });
}
