import { DomainError } from '../../core/errors.ts';
import { openPostgres, redactUrl, type Store } from '../db/database.ts';
import { appliedMigrations, loadMigrations, type Migration, migrate } from '../db/migrate.ts';
import { assertKnownMigrations, type BackupRunOptions, type TableCount } from './backup.format.ts';
import { insertColumns, verifyAndResetSequences, WRITE_BATCH } from './backup.loader.ts';
import { BackupRepository } from './backup.repository.ts';

export type MoveOptions = BackupRunOptions & {
  /** The migrations this platform knows (default: migrations/). */
  migrations?: Migration[];
};

export type MoveSummary = { tables: TableCount[]; rows: number; target: string };

/**
 * Copies a deployment's store (typically PGlite) into an empty PostgreSQL database: the target is migrated to the
 * source's level, then every table is copied in one target transaction, streamed from one snapshot of the source in
 * batches, sequences are reset and row counts verified. A target with any row is refused (`store.not_empty`).
 * The source is left as it was.
 */
export async function moveStore(source: Store, targetUrl: string, opts: MoveOptions = {}): Promise<MoveSummary> {
  const known = opts.migrations ?? loadMigrations();
  const knownNames = known.map((m) => m.name);
  const sourceApplied = (await appliedMigrations(source)).map((m) => m.name);
  assertKnownMigrations(sourceApplied, knownNames, `The store at ${source.location}`);
  const redacted = redactUrl(targetUrl);
  const target = openPostgres(targetUrl);
  try {
    await migrate(target, known.slice(0, sourceApplied.length));
    const targetApplied = (await appliedMigrations(target)).map((m) => m.name);
    if (targetApplied.join('\n') !== sourceApplied.join('\n')) {
      throw new DomainError(
        'backup.incompatible',
        `The database at ${redacted} has migrations the source does not (${targetApplied.slice(sourceApplied.length).join(', ')}): it was used by a newer platform.`,
        { target: redacted },
      );
    }

    return await source.session((sourceExec) =>
      target.session(async (targetExec) => {
        const from = new BackupRepository(sourceExec);
        const to = new BackupRepository(targetExec);
        await from.beginSnapshot();
        await to.beginWrite();
        try {
          const tables = await from.tables();
          const targetTables = new Map((await to.tables()).map((t) => [t.name, t]));
          const absent = tables.filter((t) => !targetTables.has(t.name)).map((t) => t.name);
          if (absent.length || targetTables.size !== tables.length) {
            throw new DomainError(
              'backup.incompatible',
              `The schemas differ at the same migration level: tables ${absent.join(', ') || '(extra in the target)'}.`,
            );
          }
          const names = [...targetTables.keys()];
          await to.lockExclusive(names);
          const busy = await to.nonEmpty(names);
          if (busy.length) {
            throw new DomainError('store.not_empty', `The database at ${redacted} is not empty: ${busy.join(', ')} hold rows. Move into an empty database.`, {
              target: redacted,
              tables: busy,
            });
          }
          await to.truncate(names); // empty already; restarts identities

          const counts: TableCount[] = [];
          for (const t of tables) counts.push({ name: t.name, rows: await from.countRows(t.name) });
          for (const [i, t] of tables.entries()) {
            opts.signal?.throwIfAborted();
            const cols = insertColumns(targetTables.get(t.name)!, t.columns.map((c) => c.name));
            if ('missing' in cols) {
              throw new DomainError('backup.incompatible', `Table ${t.name} has columns the target does not: ${cols.missing.join(', ')}.`);
            }
            let rows = 0;
            for await (const batch of from.streamRows(t.name, WRITE_BATCH)) {
              opts.signal?.throwIfAborted();
              await to.insertRows(t.name, cols, batch);
              rows += batch.length;
              opts.onProgress?.({ table: t.name, rows, tablesDone: i, tablesTotal: tables.length });
            }
            opts.onProgress?.({ table: t.name, rows, tablesDone: i + 1, tablesTotal: tables.length });
          }
          const wrong = await verifyAndResetSequences(to, [...targetTables.values()], new Map(counts.map((c) => [c.name, c.rows])));
          if (wrong.length) throw new Error(`The copy does not match the source: ${wrong.join('; ')}.`);
          await to.commit();
          return { tables: counts, rows: counts.reduce((n, c) => n + c.rows, 0), target: redacted };
        } catch (err) {
          await to.rollback().catch(() => {});
          throw err;
        } finally {
          await from.rollback().catch(() => {});
        }
      }),
    );
  } finally {
    await target.close();
  }
}
