import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScriptRunner, Store } from './database.ts';

/** Frozen, dated SQL migrations (CONVENTIONS 4): the same files run on PGlite and PostgreSQL. */
export const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export type Migration = { name: string; sql: string; checksum: string };

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{8}_\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(`${dir}/${name}`, 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const ADVISORY_KEY = 7_243_001; // two PostgreSQL servers starting at once migrate one after the other

/** Names and checksums of the migrations applied to a store, in order. */
export async function appliedMigrations(store: Store): Promise<{ name: string; checksum: string }[]> {
  return store.session((exec) => readApplied(exec));
}

async function readApplied(exec: ScriptRunner): Promise<{ name: string; checksum: string }[]> {
  const exists = await exec(`select to_regclass('public.schema_migrations')::text as t`);
  if (!exists[0]?.t) return [];
  const rows = await exec('select name, checksum from schema_migrations order by name');
  return rows.map((r) => ({ name: String(r.name), checksum: String(r.checksum) }));
}

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function migrate(store: Store, migrations = loadMigrations()): Promise<string[]> {
  return store.session(async (exec) => {
    if (store.kind === 'postgres') await exec(`select pg_advisory_lock(${ADVISORY_KEY})`);
    try {
      await exec(`create table if not exists schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
      const applied = new Map((await readApplied(exec)).map((m) => [m.name, m.checksum]));
      for (const name of applied.keys()) {
        if (!migrations.some((m) => m.name === name)) {
          throw new MigrationError(
            `The store has migration ${name}, which this version of the platform does not know: the data is newer than the platform.`,
          );
        }
      }
      const done: string[] = [];
      for (const m of migrations) {
        const checksum = applied.get(m.name);
        if (checksum !== undefined) {
          if (checksum !== m.checksum) {
            throw new MigrationError(`Migration ${m.name} was edited after it was applied; migrations are frozen.`);
          }
          continue;
        }
        try {
          await exec(
            `begin;\n${m.sql}\n;\ninsert into schema_migrations (name, checksum) values ('${m.name}', '${m.checksum}');\ncommit;`,
          );
        } catch (err) {
          await exec('rollback').catch(() => {});
          throw new MigrationError(`Migration ${m.name} failed: ${(err as Error).message}`);
        }
        done.push(m.name);
      }
      return done;
    } finally {
      if (store.kind === 'postgres') await exec(`select pg_advisory_unlock(${ADVISORY_KEY})`);
    }
  });
}
