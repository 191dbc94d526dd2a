import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import type { JobService } from '../jobs/job.service.ts';
import { HOUR_MS, scheduleRecurring } from '../jobs/recurring.ts';
import type { CommunityService } from './community.service.ts';

export const CONTACT_RETENTION_JOB = 'community.contact_retention';

/**
 * Deletes the contact details of community reports once the retention period of their city has passed (each
 * contact carries its deletion date, set from the city's setting when the report came in). Runs every hour: each
 * run queues the next one, so the schedule survives restarts.
 */
export function contactRetentionJob(community: CommunityService, jobs: JobService) {
  return defineJob({
    kind: CONTACT_RETENTION_JOB,
    payload: z.object({ repeat: z.boolean().default(true) }),
    maxAttempts: 5,
    async run(ctx) {
      const deleted = await community.deleteExpiredContacts();
      await ctx.progress(1, 1, `${deleted} contact detail(s) deleted`);
      if (ctx.payload.repeat) await scheduleNext(jobs);
      return { deleted };
    },
  });
}

/** Queues the next run unless one is already waiting (called at start-up and by each run). */
export async function scheduleNext(jobs: JobService, runAt = new Date(Date.now() + HOUR_MS)): Promise<void> {
  await scheduleRecurring(jobs, CONTACT_RETENTION_JOB, { repeat: true }, runAt);
}
