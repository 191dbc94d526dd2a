import { storeBackupJob } from '../backup/backup.job.ts';
import type { Config } from '../config.ts';
import { demoLoadJob } from '../demo.ts';
import { registerIncidentImports } from '../imports/incidents-import.job.ts';
import { followUpReminderJob } from '../review/follow-up.job.ts';
import { reviewDigestJob } from '../review/review-digest.job.ts';
import type { Services } from '../services.ts';

/** Registers every job kind the platform runs. Later features add their handlers here. */
export function registerJobHandlers(services: Services, config: Pick<Config, 'dataDir'>): void {
  services.jobs.register(storeBackupJob(services.store, config.dataDir));
  registerIncidentImports(services, config.dataDir);
  services.jobs.register(demoLoadJob(services));
  services.jobs.register(reviewDigestJob(services));
  services.jobs.register(followUpReminderJob(services));
}
