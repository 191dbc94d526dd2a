import { type Kysely, type Selectable, sql } from 'kysely';
import type { ApiTokensTable, DB } from '../db/schema.ts';

export type ApiTokenRecord = {
  id: number;
  name: string;
  prefix: string;
  /** As the API writes them: `[{ role, scope? }]`. */
  grants: unknown[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  lastUsedAt: Date | null;
};

export type NewApiTokenRecord = { name: string; prefix: string; secretHash: string; grants: unknown[]; createdBy: string; expiresAt: Date };

/** The only place with SQL for API tokens, kept as the SHA-256 of their secret. */
export class ApiTokenRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(token: NewApiTokenRecord): Promise<ApiTokenRecord> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({
        name: token.name,
        prefix: token.prefix,
        secret_hash: token.secretHash,
        grants: JSON.stringify(token.grants),
        created_by: token.createdBy,
        expires_at: token.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  /** The token with this secret hash, if it is neither revoked nor expired at `now`. */
  async findLive(secretHash: string, now: Date): Promise<ApiTokenRecord | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('secret_hash', '=', secretHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Notes a use; at most one write a minute per token, so a busy client does not write on every request. */
  async touch(id: number, now: Date): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`${now}::timestamptz - interval '1 minute'`)]))
      .execute();
  }

  async find(id: number): Promise<ApiTokenRecord | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Every token, newest first. */
  async list(): Promise<ApiTokenRecord[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('id', 'desc').execute();
    return rows.map(toRecord);
  }

  /** Revokes a token; false when it was revoked already. */
  async revoke(id: number, by: string, now: Date): Promise<boolean> {
    const res = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now, revoked_by: by })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}

function toRecord(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    grants: Array.isArray(row.grants) ? row.grants : [],
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    lastUsedAt: row.last_used_at,
  };
}
