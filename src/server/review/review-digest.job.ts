import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import type { Services } from '../services.ts';

export const REVIEW_DIGEST_JOB = 'review.mail_digest';

/** Sends each person who chose the digest one mail listing what happened in their reviews since the last one. */
export function reviewDigestJob(services: Services) {
  return defineJob({
    kind: REVIEW_DIGEST_JOB,
    payload: z.object({}).default({}),
    async run(ctx) {
      const sent = await services.review.mail.sendDigests();
      await ctx.progress(sent, sent);
      return { mails: sent };
    },
  });
}
