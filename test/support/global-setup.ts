import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/server/config.ts';
import { openPGlite, openPostgres } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { withDatabase } from './postgres-url.ts';

/**
 * Migrates one template per store, once per run; each test file then copies it (DESIGN §3: creating a PGlite
 * database costs seconds, copying a migrated one does not).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // One folder and one database prefix per run, so runs side by side never touch each other's data.
  const runId = `${process.pid}${Date.now().toString(36)}`;
  const root = resolve(`.tmp/test/run-${runId}`);
  rmSync(root, { recursive: true, force: true });
  const pgPrefix = `safer_test_${runId}_`;
  const templateDb = `${pgPrefix}template`;
  const templateDir = `${root}/pglite-template`;
  const tpl = await openPGlite(templateDir, { role: 'cli', skipLock: true });
  await migrate(tpl);
  await tpl.close();
  project.provide('pgliteTemplate', templateDir);
  project.provide('testRoot', root);
  project.provide('pgPrefix', pgPrefix);

  const { testDatabaseUrl } = loadConfig();
  project.provide('postgresUrl', testDatabaseUrl ?? '');
  if (testDatabaseUrl) {
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create database "${templateDb}"`);
    await admin.end();
    const store = openPostgres(withDatabase(testDatabaseUrl, templateDb));
    await migrate(store);
    await store.close();
  }
  return async () => {
    rmSync(root, { recursive: true, force: true });
    if (testDatabaseUrl) {
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      await dropTestDatabases(admin, pgPrefix);
      await admin.end();
    }
  };
}

async function dropTestDatabases(admin: pg.Client, prefix: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    'select datname from pg_database where starts_with(datname, $1)',
    [prefix],
  );
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    testRoot: string;
    pgPrefix: string;
    postgresUrl: string;
  }
}
