import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPGlite, openPostgres, type Store, type StoreKind } from '../../src/server/db/database.ts';
import { withDatabase } from './postgres-url.ts';

/** The stores the integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function storeKinds(): StoreKind[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export type TestStore = Store & {
  /** For PGlite, the data directory; for PostgreSQL, the database URL. */
  where: string;
  /** Closes the store and deletes its data. */
  dispose(): Promise<void>;
};

/** A fresh, migrated store copied from the run's template. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  if (kind === 'pglite') {
    const dir = `${inject('testRoot')}/stores/${id}`;
    cpSync(inject('pgliteTemplate'), dir, { recursive: true });
    const store = await openPGlite(dir, { role: 'cli' });
    return {
      ...store,
      where: dir,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await createPostgresDatabase(id, `${inject('pgPrefix')}template`);
  const store = openPostgres(url);
  return {
    ...store,
    where: url,
    async dispose() {
      await store.close();
      await drop();
    },
  };
}

/**
 * An empty PostgreSQL database (from template0 unless another template is named), for move and restore tests.
 * Its name gets this run's prefix, so the run's teardown drops it whatever happens.
 */
export async function createPostgresDatabase(
  suffix: string,
  template = 'template0',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${inject('pgPrefix')}${suffix}`;
  const base = inject('postgresUrl');
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  // Two files copying the template at the same moment collide ("being accessed by other users"): take turns.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(base, `create database "${name}" template "${template}"`);
      break;
    } catch (err) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  return {
    url: withDatabase(base, name),
    drop: () => adminQuery(base, `drop database if exists "${name}" with (force)`),
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
