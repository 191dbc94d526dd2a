import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The only place with SQL for failed sign-ins and the store's own random keys. */
export class ThrottleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Times of the failures recorded for each key since `since`. */
  async failuresSince(keys: readonly string[], since: Date): Promise<Map<string, Date[]>> {
    const out = new Map<string, Date[]>(keys.map((k) => [k, []]));
    if (keys.length === 0) return out;
    const rows = await this.db
      .selectFrom('sign_in_failures')
      .select(['key', 'at'])
      .where('key', 'in', keys)
      .where('at', '>', since)
      .execute();
    for (const r of rows) out.get(r.key)?.push(r.at);
    return out;
  }

  /** Records one failure under each key and drops those older than `before`. */
  async record(keys: readonly string[], at: Date, before: Date): Promise<void> {
    if (keys.length > 0) await this.db.insertInto('sign_in_failures').values(keys.map((key) => ({ key, at }))).execute();
    await this.db.deleteFrom('sign_in_failures').where('at', '<', before).execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
  }

  /** The store's secret of that name, created with `make` the first time (two servers agree on the first). */
  async secret(name: string, make: () => string): Promise<string> {
    await this.db
      .insertInto('platform_secrets')
      .values({ name, value: make() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('platform_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return row.value;
  }
}
