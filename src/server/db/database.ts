import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { acquireLock, type StoreLock } from './lock.ts';
import { migrate } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type StoreKind = 'pglite' | 'postgres';

/**
 * An open store: Kysely over PGlite (embedded default) or PostgreSQL (production). The same SQL runs on both.
 */
export type Store = {
  kind: StoreKind;
  db: Kysely<DB>;
  /**
   * Runs `fn` on one dedicated session. `exec` runs a script of one or more statements (no parameters) and
   * returns the rows of the last one. Used by migrations and restores, which need one connection throughout.
   */
  session<T>(fn: (exec: ScriptRunner) => Promise<T>): Promise<T>;
  /** Where the store lives, for messages (a directory or a URL without its password). */
  location: string;
  lock: StoreLock | undefined;
  close(): Promise<void>;
};

export type ScriptRunner = (sqlText: string) => Promise<Record<string, unknown>[]>;

export type OpenOptions = {
  role: 'server' | 'cli';
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Open a PGlite directory without the lock (tests that own the directory). */
  skipLock?: boolean;
};

// Same JS types on both stores: int8 as number (ids and counts stay far below 2^53), dates as 'YYYY-MM-DD'.
const keepText = (v: string) => v;

export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pg');
}

export async function openStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>, opts: OpenOptions): Promise<Store> {
  const store = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : await openPGlite(config.dataDir, opts);
  try {
    if (opts.migrate !== false) await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

export async function openPGlite(dataDir: string, opts: Pick<OpenOptions, 'role' | 'skipLock'>): Promise<Store> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = opts.skipLock ? undefined : acquireLock(dataDir, opts.role);
  try {
    const pglite = await PGlite.create(pgliteDir(dataDir), {
      parsers: { [pgliteTypes.DATE]: keepText, [pgliteTypes.INT8]: Number },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      kind: 'pglite',
      db,
      location: dataDir,
      lock,
      async session(fn) {
        // Kysely's driver serialises access to PGlite's single connection; take our turn through it.
        return db.connection().execute(() =>
          fn(async (sqlText) => {
            const results = await pglite.exec(sqlText);
            return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
          }),
        );
      },
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

export function openPostgres(url: string): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser(oid: number, format?: 'text' | 'binary') {
        if (oid === 20) return Number;
        if (oid === 1082) return keepText;
        // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept a union format
        return pg.types.getTypeParser(oid, format as any);
      },
    } as pg.CustomTypesConfig,
  });
  // An idle connection that the server ends (restart, failover) must not crash the process: the pool drops it and
  // the next query opens a new one.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    location: redactUrl(url),
    lock: undefined,
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (sqlText) => {
          const res = (await client.query(sqlText)) as unknown as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(res) ? res.at(-1) : res;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    async close() {
      // Kysely ends the pool only when it has used it; a store used only through session() must end it too.
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
