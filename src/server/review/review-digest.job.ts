import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import { DAY_MS, scheduleRecurring } from '../jobs/recurring.ts';
import type { Services } from '../services.ts';

export const REVIEW_DIGEST_JOB = 'review.mail_digest';

/** Sends each person who chose the digest one mail listing what happened in their reviews since the last one. */
export function reviewDigestJob(services: Services) {
  return defineJob({
    kind: REVIEW_DIGEST_JOB,
    payload: z.object({ repeat: z.boolean().default(false) }).default({ repeat: false }),
    async run(ctx) {
      const sent = await services.review.mail.sendDigests();
      await ctx.progress(sent, sent);
      if (ctx.payload.repeat) await scheduleRecurring(services.jobs, REVIEW_DIGEST_JOB, { repeat: true }, new Date(Date.now() + DAY_MS));
      return { mails: sent };
    },
  });
}
