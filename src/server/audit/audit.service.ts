import { type Actor, type AuditEntry, type AuditEvent, type AuditFilter, type AuditQuery, actorLabel } from '../../core/audit/audit-entry.ts';
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
      count: event.count ?? null,
    });
  }

  /** Every entry matching the filters, newest first, a page at a time (for exports). */
  async *entries(filter: AuditFilter): AsyncGenerator<AuditEntry> {
    let before: number | undefined;
    for (;;) {
      const page = await this.repo.query({ ...filter, limit: 500, ...(before === undefined ? {} : { before }) });
      yield* page;
      if (page.length < 500) return;
      before = page.at(-1)!.id;
    }
  }

  /** Deletes entries older than `days` days (the retention job), and records how many when it deleted some. */
  async applyRetention(days: number, now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    const deleted = await this.repo.deleteOlderThan(cutoff);
    if (deleted === 0) return 0;
    await this.record({ kind: 'system', name: 'retention' }, { action: 'audit.retention', target: { type: 'audit_log', id: null }, fields: ['at'], count: deleted });
    return deleted;
  }

  /** A page of entries, newest first, and the `before` of the next page when there may be one. */
  async list(query: AuditQuery): Promise<{ entries: AuditEntry[]; next: number | null }> {
    const entries = await this.repo.query(query);
    const last = entries.at(-1);
    return { entries, next: entries.length === query.limit && last ? last.id : null };
  }
}
