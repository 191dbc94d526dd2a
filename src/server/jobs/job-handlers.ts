import { storeBackupJob } from '../backup/backup.job.ts';
import { contactRetentionJob } from '../community/contact-retention.job.ts';
import type { Config } from '../config.ts';
import { demoLoadJob } from '../demo.ts';
import { registerIncidentImports } from '../imports/incidents-import.job.ts';
import type { Services } from '../services.ts';

/** Registers every job kind the platform runs. Later features add their handlers here. */
export function registerJobHandlers(services: Services, config: Pick<Config, 'dataDir'>): void {
  services.jobs.register(storeBackupJob(services.store, config.dataDir));
  registerIncidentImports(services, config.dataDir);
  services.jobs.register(demoLoadJob(services));
  services.jobs.register(contactRetentionJob(services.community, services.jobs));
}
