import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import type { JobService } from '../jobs/job.service.ts';
import { DAY_MS, scheduleRecurring } from '../jobs/recurring.ts';
import type { AuditService } from './audit.service.ts';

export const AUDIT_RETENTION_JOB = 'audit.retention';

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
      await scheduleAuditRetention(jobs, new Date(Date.now() + DAY_MS));
      return { deleted };
    },
  });
}

/** Queues the retention job unless one is queued already (the server calls it at start). */
export async function scheduleAuditRetention(jobs: JobService, runAt = new Date()): Promise<void> {
  await scheduleRecurring(jobs, AUDIT_RETENTION_JOB, {}, runAt);
}
