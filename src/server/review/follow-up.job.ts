import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import type { Services } from '../services.ts';

export const FOLLOW_UP_REMINDER_JOB = 'review.follow_up_reminders';

/** Reminds states' focal points of recommendations near or past their due date (at most weekly each). */
export function followUpReminderJob(services: Services) {
  return defineJob({
    kind: FOLLOW_UP_REMINDER_JOB,
    payload: z.object({}).default({}),
    async run(ctx) {
      const reminded = await services.reviewReports.followUp.sendReminders(new Date());
      await ctx.progress(reminded, reminded);
      return { reminded };
    },
  });
}
