import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditEntry, AuditQuery } from '../../core/audit/audit-entry.ts';
import type { AuditLogTable, DB } from '../db/schema.ts';

export type NewAuditRow = {
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  scopeKind: string | null;
  scopeId: string | null;
  fields: readonly string[];
  count: number | null;
};

/** The only place with SQL for the audit log. It only appends and reads: the table refuses updates and deletes. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(row: NewAuditRow): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        actor: row.actor,
        action: row.action,
        target_type: row.targetType,
        target_id: row.targetId,
        scope_kind: row.scopeKind,
        scope_id: row.scopeId,
        fields: JSON.stringify(row.fields),
        record_count: row.count,
      })
      .execute();
  }

  /**
   * Deletes the entries older than `cutoff` (the retention job; the table's trigger lets a delete through only
   * inside a transaction that says it is one). Returns how many.
   */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await sql`set local safer.audit_retention = 'on'`.execute(trx);
      const res = await trx.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
      return Number(res.numDeletedRows);
    });
  }

  /** Entries newest first, filtered; every filter value is a bound parameter. */
  async query(q: AuditQuery): Promise<AuditEntry[]> {
    let sel = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit);
    if (q.actor) sel = sel.where('actor', '=', q.actor);
    if (q.action) sel = q.action.endsWith('.*') ? sel.where('action', 'like', `${escapeLike(q.action.slice(0, -1))}%`) : sel.where('action', '=', q.action);
    if (q.targetType) sel = sel.where('target_type', '=', q.targetType);
    if (q.targetId) sel = sel.where('target_id', '=', q.targetId);
    if (q.scope) {
      sel = sel.where('scope_kind', '=', q.scope.kind);
      if (q.scope.id !== undefined) sel = sel.where('scope_id', '=', q.scope.id);
    }
    if (q.from) sel = sel.where('at', '>=', new Date(q.from));
    if (q.to) sel = sel.where('at', '<=', new Date(q.to));
    if (q.before) sel = sel.where('id', '<', q.before);
    return (await sel.execute()).map(toEntry);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    scope: row.scope_kind === null ? null : { kind: row.scope_kind, id: row.scope_id ?? '' },
    fields: Array.isArray(row.fields) ? row.fields.map(String) : [],
    count: row.record_count,
  };
}
