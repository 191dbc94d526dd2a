import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { openPostgres, type Store } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import type { BackupProgress } from './backup.format.ts';
import { type Content, dumpContent, seedSample } from './backup.test-support.ts';
import { moveStore } from './store-move.service.ts';

const withPassword = (url: string) => {
  const u = new URL(url);
  if (!u.password) u.password = 'not-needed-here';
  return u.toString();
};

async function otherSessions(store: Store): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`.execute(store.db);
  return rows[0]?.n ?? -1;
}

describe('moveStore (any store)', () => {
  let source: TestStore;
  beforeAll(async () => {
    source = await openTestStore('pglite');
    await source.db.insertInto('cities').values({ slug: 'dakar', name: 'Dakar', country: 'SEN', timezone: 'Africa/Dakar' }).execute();
  });
  afterAll(() => source.dispose());

  it('fails on an unreachable target without touching the source or showing the password', async () => {
    const before = await dumpContent(source);
    const err: unknown = await moveStore(source, 'postgres://safer:s3cret@127.0.0.1:1/nowhere').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).not.toContain('s3cret');
    expect(await dumpContent(source)).toEqual(before);
  });
});

// Moving needs a PostgreSQL target: generated only when TEST_DATABASE_URL is set.
describe.each(storeKinds().includes('postgres') ? storeKinds() : [])('moveStore from %s into PostgreSQL', (kind) => {
  let source: TestStore;
  let expected: Content;
  const drops: (() => Promise<void>)[] = [];
  const freshDatabase = async () => {
    const db = await createPostgresDatabase(`move_${randomUUID().replaceAll('-', '').slice(0, 10)}`);
    drops.push(db.drop);
    return db.url;
  };

  beforeAll(async () => {
    source = await openTestStore(kind);
    await seedSample(source);
    expected = await dumpContent(source);
  });
  afterAll(async () => {
    await source.dispose();
    for (const drop of drops) await drop();
  });

  it('copies every table into a fresh database, leaving the source as it was', async () => {
    const url = await freshDatabase();
    const progress: BackupProgress[] = [];
    const summary = await moveStore(source, withPassword(url), { onProgress: (p) => progress.push(p) });
    expect(summary.target).not.toContain('not-needed-here');
    expect(summary.target).toContain('***');
    expect(Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(expected).flatMap(([t, rows]) => (t === 'schema_migrations' ? [] : [[t, rows.length]]))),
    );
    expect(progress.at(-1)).toMatchObject({ tablesDone: summary.tables.length, tablesTotal: summary.tables.length });
    const target = openPostgres(url);
    try {
      // moveStore closed its own connections (a CLI process would otherwise never exit).
      await expect.poll(() => otherSessions(target), { timeout: 2000 }).toBe(0);
      expect(await dumpContent(target)).toEqual(expected);
      const city = await target.db
        .insertInto('cities')
        .values({ slug: 'quito', name: 'Quito', country: 'ECU', timezone: 'America/Guayaquil' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const maxSource = await source.db.selectFrom('cities').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
      expect(city.id).toBeGreaterThan(Number(maxSource.m));
    } finally {
      await target.close();
    }
    expect(await dumpContent(source)).toEqual(expected);
  });

  it('refuses a target that holds rows (store.not_empty) and leaves it as it was', async () => {
    const url = await freshDatabase();
    const target = openPostgres(url);
    try {
      await migrate(target);
      await target.db.insertInto('jobs').values({ kind: 'already.here' }).execute();
      const before = await dumpContent(target);
      await expect(moveStore(source, url)).rejects.toMatchObject({ code: 'store.not_empty', message: expect.stringContaining('jobs') });
      expect(await dumpContent(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });

});
