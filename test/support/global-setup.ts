import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/server/config.ts';
import { openPGlite, openPostgres } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { PG_TEMPLATE_DB, withDatabase } from './postgres-url.ts';

/**
 * Migrates one template per store, once per run; each test file then copies it (DESIGN §3: creating a PGlite
 * database costs seconds, copying a migrated one does not).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve('.tmp/test');
  rmSync(root, { recursive: true, force: true });
  const templateDir = `${root}/pglite-template`;
  const tpl = await openPGlite(templateDir, { role: 'cli', skipLock: true });
  await migrate(tpl);
  await tpl.close();
  project.provide('pgliteTemplate', templateDir);
  project.provide('testRoot', root);

  const { testDatabaseUrl } = loadConfig();
  project.provide('postgresUrl', testDatabaseUrl ?? '');
  if (testDatabaseUrl) {
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await dropTestDatabases(admin);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const store = openPostgres(withDatabase(testDatabaseUrl, PG_TEMPLATE_DB));
    await migrate(store);
    await store.close();
  }
  return async () => {
    if (testDatabaseUrl) {
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      await dropTestDatabases(admin);
      await admin.end();
    }
  };
}

async function dropTestDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like 'safer\\_test\\_%'`,
  );
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    testRoot: string;
    postgresUrl: string;
  }
}
