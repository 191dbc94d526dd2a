import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import { DAY_MS, scheduleRecurring } from '../jobs/recurring.ts';
import type { Services } from '../services.ts';

export const FOLLOW_UP_REMINDER_JOB = 'review.follow_up_reminders';

/** Reminds states' focal points of recommendations near or past their due date (at most weekly each). */
export function followUpReminderJob(services: Services) {
  return defineJob({
    kind: FOLLOW_UP_REMINDER_JOB,
    payload: z.object({ repeat: z.boolean().default(false) }).default({ repeat: false }),
    async run(ctx) {
      const reminded = await services.reviewReports.followUp.sendReminders(new Date());
      await ctx.progress(reminded, reminded);
      if (ctx.payload.repeat) await scheduleRecurring(services.jobs, FOLLOW_UP_REMINDER_JOB, { repeat: true }, new Date(Date.now() + DAY_MS));
      return { reminded };
    },
  });
}
