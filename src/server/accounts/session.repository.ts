import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export type SessionRecord = {
  id: string;
  userId: number;
  secondFactor: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

/** The only place with SQL for sessions. `id` is the SHA-256 of the cookie's token. */
export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(input: { id: string; userId: number; secondFactor: boolean; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: input.id, user_id: input.userId, second_factor: input.secondFactor, expires_at: input.expiresAt })
      .execute();
  }

  /** A session that is neither revoked nor expired, of an active user. */
  async findLive(id: string, now: Date): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.user_id', 's.second_factor', 's.created_at', 's.last_seen_at', 's.expires_at'])
      .where('s.id', '=', id)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', now)
      .where('u.status', '=', 'active')
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        userId: row.user_id,
        secondFactor: row.second_factor,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      }
    );
  }

  async touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
  }

  async markSecondFactor(id: string): Promise<void> {
    await this.db.updateTable('sessions').set({ second_factor: true }).where('id', '=', id).execute();
  }

  async revoke(id: string): Promise<boolean> {
    const res = await this.db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Revokes every live session of a user, except `keep`; returns how many. */
  async revokeAll(userId: number, keep?: string): Promise<number> {
    let q = this.db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (keep) q = q.where('id', '<>', keep);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  /** Deletes sessions that ended more than a day ago. */
  async prune(now: Date): Promise<void> {
    const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
    await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<', dayAgo), eb('revoked_at', '<', dayAgo)]))
      .execute();
  }
}
