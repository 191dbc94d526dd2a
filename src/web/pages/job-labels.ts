// Translated labels for a job's status and kind.
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { JobStatus } from '../api/types.ts';

export const statusLabels: Record<JobStatus, MessageDescriptor> = defineMessages({
  queued: { id: 'jobs.status.queued', defaultMessage: 'Queued' },
  running: { id: 'jobs.status.running', defaultMessage: 'Running' },
  succeeded: { id: 'jobs.status.succeeded', defaultMessage: 'Succeeded' },
  failed: { id: 'jobs.status.failed', defaultMessage: 'Failed' },
  cancelled: { id: 'jobs.status.cancelled', defaultMessage: 'Cancelled' },
});

/**
 * The kinds of scheduled and long work (DESIGN §4 "Jobs"). A kind the server runs that is not
 * listed here is shown by its code.
 */
const kindLabels: Record<string, MessageDescriptor> = defineMessages({
  import: { id: 'jobs.kind.import', defaultMessage: 'Data import' },
  'incidents.import': { id: 'jobs.kind.incidentsImport', defaultMessage: 'Incident import' },
  'units.import': { id: 'jobs.kind.unitsImport', defaultMessage: 'Administrative units import' },
  'surveys.import': { id: 'jobs.kind.surveysImport', defaultMessage: 'Survey import' },
  'retention.delete': { id: 'jobs.kind.retentionDelete', defaultMessage: 'Retention deletion' },
  reminder: { id: 'jobs.kind.reminder', defaultMessage: 'Reminder' },
  'invitation.expire': { id: 'jobs.kind.invitationExpire', defaultMessage: 'Invitation expiry' },
  'report.render': { id: 'jobs.kind.reportRender', defaultMessage: 'Report rendering' },
  'aggregates.rebuild': { id: 'jobs.kind.aggregatesRebuild', defaultMessage: 'Aggregate rebuild' },
  'store.backup': { id: 'jobs.kind.storeBackup', defaultMessage: 'Data store backup' },
  'community.contact_retention': { id: 'jobs.kind.contactRetention', defaultMessage: 'Deletion of expired contact details' },
  'audit.retention': { id: 'jobs.kind.auditRetention', defaultMessage: 'Deletion of audit entries past retention' },
  'demo.load': { id: 'jobs.kind.demoLoad', defaultMessage: 'Demo city data load' },
  'imports.cleanup': { id: 'jobs.kind.importsCleanup', defaultMessage: 'Clean-up of interrupted imports' },
  'monitoring.report': { id: 'jobs.kind.monitoringReport', defaultMessage: 'Monitoring progress report' },
  'review.mail_digest': { id: 'jobs.kind.reviewDigest', defaultMessage: 'Review mail digest' },
  'review.follow_up_reminders': { id: 'jobs.kind.followUpReminders', defaultMessage: 'Follow-up reminders' },
});

export function kindLabel(kind: string): MessageDescriptor | undefined {
  return Object.hasOwn(kindLabels, kind) ? kindLabels[kind] : undefined;
}
