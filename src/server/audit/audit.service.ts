import { type Actor, type AuditEntry, type AuditEvent, type AuditQuery, actorLabel } from '../../core/audit/audit-entry.ts';
import type { AuditRepository } from './audit.repository.ts';

/**
 * Records who did what (DESIGN §6) and reads the log for administrators. An entry holds names of fields, never
 * values; nothing here edits an entry.
 */
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(actor: Actor, event: AuditEvent): Promise<void> {
    const fields = [...new Set(event.fields ?? [])].sort();
    await this.repo.insert({
      actor: actorLabel(actor),
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id === null ? null : String(event.target.id),
      scopeKind: event.scope?.kind ?? null,
      scopeId: event.scope?.id ?? null,
      fields,
    });
  }

  /** A page of entries, newest first, and the `before` of the next page when there may be one. */
  async list(query: AuditQuery): Promise<{ entries: AuditEntry[]; next: number | null }> {
    const entries = await this.repo.query(query);
    const last = entries.at(-1);
    return { entries, next: entries.length === query.limit && last ? last.id : null };
  }
}
