import { DomainError } from '../../core/errors.ts';
import type { Store } from '../db/database.ts';
import { appliedMigrations, loadMigrations, type Migration, migrate } from '../db/migrate.ts';
import { assertKnownMigrations, type BackupRunOptions, isPrefix, type TableCount } from './backup.format.ts';
import { insertColumns, verifyAndResetSequences, WRITE_BATCH } from './backup.loader.ts';
import { openBackup } from './backup.reader.ts';
import { BackupRepository, type TableInfo } from './backup.repository.ts';

export type RestoreOptions = BackupRunOptions & {
  /** The migrations this platform knows (default: migrations/). */
  migrations?: Migration[];
};

export type RestoreSummary = {
  file: string;
  createdAt: string;
  from: Store['kind'];
  tables: TableCount[];
  rows: number;
  /** Migrations newer than the backup, replayed over its data. */
  replayed: string[];
};

/**
 * Replaces the whole content of the store with a backup, in one transaction: every table is emptied, the rows are
 * loaded in batches, sequences continue after the largest ids, row counts and the file's checksum are verified,
 * then it commits. Any failure rolls back and the store keeps exactly what it had.
 *
 * The backup's migrations must be a prefix of the platform's (`backup.incompatible` otherwise). A store behind the
 * backup is migrated up to it first. A store ahead of it (a backup taken before an upgrade) is rebuilt inside the
 * transaction: its schema objects are dropped, the migrations are replayed up to the backup's, the data is loaded,
 * then the newer migrations run over it, exactly as they ran over live data.
 */
export async function restoreBackup(store: Store, file: string, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const backup = await openBackup(file);
  try {
    const { header } = backup;
    const known = opts.migrations ?? loadMigrations();
    const knownNames = known.map((m) => m.name);
    assertKnownMigrations(header.migrations, knownNames, `The backup ${file}`);
    let applied = (await appliedMigrations(store)).map((m) => m.name);
    assertKnownMigrations(applied, knownNames, `The store at ${store.location}`);
    if (applied.length < header.migrations.length) {
      await migrate(store, known.slice(0, header.migrations.length));
      applied = (await appliedMigrations(store)).map((m) => m.name);
    }
    if (!isPrefix(header.migrations, applied)) {
      throw new DomainError('backup.incompatible', `The store's migrations do not match the backup's.`, { file });
    }
    const later = known.slice(header.migrations.length, applied.length);

    return await store.session(async (exec) => {
      const repo = new BackupRepository(exec);
      await repo.beginWrite();
      try {
        if (later.length) {
          await repo.dropSchemaObjects();
          await repo.forgetMigrations();
          for (const m of known.slice(0, header.migrations.length)) await repo.applyMigration(m);
        }
        const tables = await repo.tables();
        checkSameTables(tables, header.tables, file);
        await repo.truncate(tables.map((t) => t.name));

        const byName = new Map(tables.map((t) => [t.name, t]));
        let columns: string[] = [];
        let loaded = 0;
        let index = 0;
        const body = backup.body(WRITE_BATCH);
        for (;;) {
          const ev = await body.next();
          if (ev.done) break;
          opts.signal?.throwIfAborted();
          const e = ev.value;
          if (e.kind === 'table') {
            const cols = insertColumns(byName.get(e.name)!, e.columns);
            if ('missing' in cols) {
              throw new DomainError('backup.invalid', `Table ${e.name} in ${file} has columns the schema does not: ${cols.missing.join(', ')}.`, {
                file,
              });
            }
            columns = cols;
            loaded = 0;
            index = e.index;
            if (e.rows === 0) report(opts, e.name, 0, index + 1, tables.length);
            continue;
          }
          try {
            await repo.insertRows(e.table, columns, e.rows);
          } catch (err) {
            throw new DomainError('backup.invalid', `Rows of table ${e.table} in ${file} could not be loaded: ${messageOf(err)}.`, {
              file,
              table: e.table,
            });
          }
          loaded += e.rows.length;
          const total = header.tables[index]!.rows;
          report(opts, e.table, loaded, loaded === total ? index + 1 : index, tables.length);
        }

        const expected = new Map(header.tables.map((t) => [t.name, t.rows]));
        const wrong = await verifyAndResetSequences(repo, tables, expected);
        if (wrong.length) throw new DomainError('backup.invalid', `The restored store does not match ${file}: ${wrong.join('; ')}.`);
        for (const m of later) await repo.applyMigration(m);
        await repo.commit();
        return {
          file,
          createdAt: header.createdAt,
          from: header.store,
          tables: header.tables,
          rows: header.tables.reduce((n, t) => n + t.rows, 0),
          replayed: later.map((m) => m.name),
        };
      } catch (err) {
        await repo.rollback().catch(() => {});
        throw err;
      }
    });
  } finally {
    await backup.close();
  }
}

function checkSameTables(tables: readonly TableInfo[], inBackup: readonly TableCount[], file: string): void {
  const have = new Set(tables.map((t) => t.name));
  const want = new Set(inBackup.map((t) => t.name));
  const missing = [...want].filter((n) => !have.has(n));
  const extra = [...have].filter((n) => !want.has(n));
  if (missing.length || extra.length) {
    const parts = [
      missing.length ? `it has tables the schema does not (${missing.join(', ')})` : '',
      extra.length ? `it lacks tables the schema has (${extra.join(', ')})` : '',
    ].filter(Boolean);
    throw new DomainError('backup.invalid', `${file} does not match the schema at its migration level: ${parts.join('; ')}.`, {
      file,
    });
  }
}

function report(opts: BackupRunOptions, table: string, rows: number, tablesDone: number, tablesTotal: number): void {
  opts.onProgress?.({ table, rows, tablesDone, tablesTotal });
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
