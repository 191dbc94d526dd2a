import type { Kysely, Selectable } from 'kysely';
import type { DB, OneTimeLinksTable } from '../db/schema.ts';

export type LinkKind = 'setup' | 'invitation' | 'password_reset';

export type OneTimeLink = {
  id: number;
  kind: LinkKind;
  email: string | null;
  userId: number | null;
  displayName: string | null;
  grants: unknown[];
  language: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
};

export type NewLink = {
  kind: LinkKind;
  tokenHash: string;
  email?: string | null;
  userId?: number | null;
  displayName?: string | null;
  grants?: unknown[];
  language?: string;
  createdBy: string;
  expiresAt: Date;
};

/** The only place with SQL for one-time links (setup, invitations, password resets), kept as token hashes. */
export class LinkRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(link: NewLink): Promise<OneTimeLink> {
    const row = await this.db
      .insertInto('one_time_links')
      .values({
        kind: link.kind,
        token_hash: link.tokenHash,
        email: link.email ?? null,
        user_id: link.userId ?? null,
        display_name: link.displayName ?? null,
        grants: JSON.stringify(link.grants ?? []),
        language: link.language ?? 'en',
        created_by: link.createdBy,
        expires_at: link.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toLink(row);
  }

  async findByHash(kind: LinkKind, tokenHash: string): Promise<OneTimeLink | undefined> {
    const row = await this.db
      .selectFrom('one_time_links')
      .selectAll()
      .where('kind', '=', kind)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toLink(row);
  }

  async find(kind: LinkKind, id: number): Promise<OneTimeLink | undefined> {
    const row = await this.db.selectFrom('one_time_links').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
    return row && toLink(row);
  }

  /** The links of a kind, newest first (at most `limit`). */
  async list(kind: LinkKind, limit: number): Promise<OneTimeLink[]> {
    const rows = await this.db.selectFrom('one_time_links').selectAll().where('kind', '=', kind).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toLink);
  }

  /** Marks a link used if it still works at `now`; false when it was used, revoked or expired meanwhile. */
  async consume(id: number, now: Date): Promise<boolean> {
    const res = await this.db
      .updateTable('one_time_links')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async revoke(id: number): Promise<void> {
    await this.db.updateTable('one_time_links').set({ revoked_at: new Date() }).where('id', '=', id).where('used_at', 'is', null).execute();
  }

  /** Revokes the open links of a kind (for one address, or all of them). */
  async revokeOpen(kind: LinkKind, email?: string): Promise<void> {
    let q = this.db
      .updateTable('one_time_links')
      .set({ revoked_at: new Date() })
      .where('kind', '=', kind)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null);
    if (email !== undefined) q = q.where('email', '=', email);
    await q.execute();
  }
}

function toLink(row: Selectable<OneTimeLinksTable>): OneTimeLink {
  return {
    id: row.id,
    kind: row.kind as LinkKind,
    email: row.email,
    userId: row.user_id,
    displayName: row.display_name,
    grants: Array.isArray(row.grants) ? row.grants : [],
    language: row.language,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  };
}
