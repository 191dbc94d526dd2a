import { auditRetentionJob } from '../audit/audit-retention.job.ts';
import { storeBackupJob } from '../backup/backup.job.ts';
import { contactRetentionJob } from '../community/contact-retention.job.ts';
import type { Config } from '../config.ts';
import { demoLoadJob } from '../demo.ts';
import { registerIncidentImports } from '../imports/incidents-import.job.ts';
import { monitoringReportJob } from '../indicators/report.job.ts';
import { followUpReminderJob } from '../review/follow-up.job.ts';
import { reviewDigestJob } from '../review/review-digest.job.ts';
import type { Services } from '../services.ts';
import { registerSurveyImports } from '../surveys/surveys-import.job.ts';

/** Registers every job kind the platform runs. Later features add their handlers here. */
export function registerJobHandlers(services: Services, config: Pick<Config, 'dataDir'> & Partial<Pick<Config, 'auditRetentionDays'>>): void {
  services.jobs.register(storeBackupJob(services.store, config.dataDir));
  registerIncidentImports(services, config.dataDir);
  services.jobs.register(demoLoadJob(services));
  services.jobs.register(monitoringReportJob(services));
  registerSurveyImports(services, config.dataDir);
  services.jobs.register(contactRetentionJob(services.community, services.jobs));
  services.jobs.register(reviewDigestJob(services));
  services.jobs.register(auditRetentionJob(services.audit, services.jobs, config.auditRetentionDays ?? 2557));
  services.jobs.register(followUpReminderJob(services));
}
