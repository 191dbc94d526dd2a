import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

export class HealthRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Round trip to the store. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
}
