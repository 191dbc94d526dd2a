import { z } from 'zod';
import type { Principal } from '../accounts/access-rule.ts';

/**
 * The audit log (DESIGN §6): who did what to which record, in which scope, and which fields changed — never the
 * values of those fields, no password, no token, no network address.
 */
export type Actor =
  | { kind: 'user'; userId: number }
  | { kind: 'operator' }
  | { kind: 'anonymous' }
  /** A machine with an API token. */
  | { kind: 'token'; tokenId: number }
  /** Work the platform does by itself (the job worker, the first-run link). */
  | { kind: 'system'; name: string };

export const operatorActor: Actor = { kind: 'operator' };

/** The actor's label in the log: `user:12`, `token:3`, `system:operator`, `anonymous`, `system:worker`. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.userId}`;
    case 'token':
      return `token:${actor.tokenId}`;
    case 'operator':
      return 'system:operator';
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return `system:${actor.name}`;
    default: {
      const unreachable: never = actor;
      throw new Error(`Unknown actor ${String(unreachable)}`);
    }
  }
}

/** The actor a label stands for (the inverse of `actorLabel`). */
export function actorFromLabel(label: string): Actor {
  const user = /^user:(\d+)$/.exec(label);
  if (user) return { kind: 'user', userId: Number(user[1]) };
  const token = /^token:(\d+)$/.exec(label);
  if (token) return { kind: 'token', tokenId: Number(token[1]) };
  if (label === 'system:operator') return operatorActor;
  if (label.startsWith('system:')) return { kind: 'system', name: label.slice('system:'.length) };
  return { kind: 'anonymous' };
}

export function actorOfPrincipal(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', userId: principal.userId };
    case 'token':
      return { kind: 'token', tokenId: principal.tokenId };
    case 'operator':
      return operatorActor;
    case 'anonymous':
      return { kind: 'anonymous' };
    default: {
      const unreachable: never = principal;
      throw new Error(`Unknown principal ${String(unreachable)}`);
    }
  }
}

export const auditActions = [
  'city.create',
  'job.enqueue',
  'job.cancel',
  'job.retry',
  'setup.complete',
  'user.create',
  'user.deactivate',
  'user.activate',
  'user.password_reset',
  'user.totp_enable',
  'user.password_change',
  'grant.add',
  'grant.revoke',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'password_reset.request',
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_out',
  'session.sign_out_everywhere',
  'token.create',
  'token.revoke',
  // Indicators and the monitoring framework (issue 5).
  'indicator.create',
  'indicator.update',
  'indicator.delete',
  'monitoring.priority_write',
  'monitoring.target_write',
  'monitoring.report',
  'survey.import',
  'survey.delete',
  // Community reporting (issue 7).
  'community.moderate',
  'community.read_private',
  'community.category_set',
  'community.settings_set',
  'community.contacts_deleted',
  // Review mechanism (issue 8)
  'review.cycle_create',
  'review.example_load',
  'review.stage_set',
  'review.participation_request',
  'review.participation_approve',
  'review.reviewer_assign',
  'review.answer_save',
  'review.evidence_upload',
  'review.submit',
  'review.clear',
  'review.read',
  'review.export',
  'review.proposal_save',
  'review.proposal_clear',
  'review.proposal_template_create',
  'review.thread_open',
  'review.message_post',
  'review.mail_preference',
  // Reads of sensitive data (DESIGN §6), with the number of records returned, never their values.
  'incident.read_exact',
  'import.read_rejections',
  'audit.export',
  'audit.retention',
  // Review mechanism, part 2 (issue 9)
  'review.document_generate',
  'review.thematic_generate',
  'review.translation_save',
  'review.document_approve',
  'review.consent_record',
  'review.document_publish',
  'review.irg_meeting_create',
  'review.irg_outcome_add',
  'review.irg_outcome_adopt',
  'review.irg_outcome_transmit',
  'review.board_decision_record',
  'review.recommendation_create',
  'review.follow_up_update',
  'review.follow_up_remind',
  'review.ta_offer_create',
  'review.ta_match_create',
  'review.ta_match_status',
  'review.budget_line_create',
  'review.contribution_record',
  'review.spending_record',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What one entry says, besides who and when. `scope` is e.g. `{ kind: 'city', id: 'nairobi' }`. */
export type AuditEvent = {
  action: AuditAction;
  target: { type: string; id: string | number | null };
  scope?: { kind: string; id: string } | undefined;
  /** Names of the fields written, changed or read; never their values. */
  fields?: readonly string[];
  /** For a read: how many records it returned (for a retention run: how many entries it deleted). */
  count?: number | undefined;
};

export type AuditEntry = {
  id: number;
  at: Date;
  actor: string;
  action: string;
  target: { type: string; id: string | null };
  scope: { kind: string; id: string } | null;
  fields: string[];
  count: number | null;
};

const scopeFilter = z
  .string()
  .regex(/^[a-z]+(:[A-Za-z0-9-]+)?$/, 'a scope such as city:nairobi, country:KEN or platform')
  .transform((s) => {
    const [kind, id] = s.split(':') as [string, string | undefined];
    return { kind, id };
  });

/** Filters of `GET /api/v1/audit` and of its export: who, what, scope, time; keyset paging on the id. */
export const auditFilterSchema = z.object({
  actor: z.string().max(100).optional(),
  action: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(200).optional(),
  scope: scopeFilter.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const auditQuerySchema = auditFilterSchema.extend({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The columns of an export (CSV) and of `safer admin audit`. */
export const auditExportColumns = ['id', 'at', 'actor', 'action', 'target', 'scope', 'fields', 'count'] as const;

export function auditExportRow(e: AuditEntry): Record<(typeof auditExportColumns)[number], string | number> {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    target: `${e.target.type}:${e.target.id ?? ''}`,
    scope: e.scope ? `${e.scope.kind}:${e.scope.id}` : '',
    fields: e.fields.join(' '),
    count: e.count ?? '',
  };
}

/** Names of the fields whose values differ between two versions of a record (for `fields` of an update). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after)
    .filter((k) => after[k] !== undefined && !Object.is(before[k], after[k]))
    .sort();
}
