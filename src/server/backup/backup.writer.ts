import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Store } from '../db/database.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupEndLine,
  type BackupHeader,
  type BackupRunOptions,
  encodeRowLine,
  type TableCount,
} from './backup.format.ts';
import { BackupRepository } from './backup.repository.ts';

/** Rows fetched from the cursor at a time. */
export const READ_BATCH = 5000;

export type BackupSummary = {
  file: string;
  store: Store['kind'];
  migrations: string[];
  tables: TableCount[];
  rows: number;
  bytes: number;
  sha256: string;
};

/**
 * Writes a logical backup of the whole store (format in backup.format.ts) as one consistent snapshot: a read-only
 * repeatable-read transaction, each table read through a cursor and streamed through gzip, so no table is ever held
 * in memory. The file is written as `<file>.partial` and renamed when complete; a failed or aborted backup leaves
 * nothing behind.
 *
 * On PGlite the snapshot holds the store's only connection: other queries wait until the backup is done.
 */
export async function writeBackup(store: Store, file: string, opts: BackupRunOptions = {}): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  try {
    const summary = await store.session(async (exec) => {
      const repo = new BackupRepository(exec);
      await repo.beginSnapshot();
      try {
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          store: store.kind,
          migrations: await repo.migrationNames(),
          tables: [],
        };
        const tables = await repo.tables();
        for (const t of tables) header.tables.push({ name: t.name, rows: await repo.countRows(t.name) });
        const hash = createHash('sha256');
        let total = 0;
        let sha256 = '';

        async function* lines(): AsyncGenerator<Buffer> {
          const emit = (text: string) => {
            const buf = Buffer.from(text, 'utf8');
            hash.update(buf);
            return buf;
          };
          yield emit(`${JSON.stringify(header)}\n`);
          for (const [i, t] of tables.entries()) {
            opts.signal?.throwIfAborted();
            yield emit(`${JSON.stringify({ table: t.name, columns: t.columns.map((c) => c.name) })}\n`);
            let rows = 0;
            for await (const batch of repo.streamRows(t.name, READ_BATCH)) {
              opts.signal?.throwIfAborted();
              rows += batch.length;
              yield emit(`${batch.map(encodeRowLine).join('\n')}\n`);
              opts.onProgress?.({ table: t.name, rows, tablesDone: i, tablesTotal: tables.length });
            }
            const expected = header.tables[i]!.rows;
            if (rows !== expected) {
              throw new Error(`Table ${t.name} gave ${rows} rows through its cursor but counted ${expected}.`);
            }
            total += rows;
            opts.onProgress?.({ table: t.name, rows, tablesDone: i + 1, tablesTotal: tables.length });
          }
          sha256 = hash.digest('hex');
          const end: BackupEndLine = { end: true, tables: tables.length, rows: total, sha256 };
          yield Buffer.from(`${JSON.stringify(end)}\n`, 'utf8');
        }

        // flush: the data is on disk before the rename makes the file look complete.
        await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600, flush: true }));
        return { header, total, sha256 };
      } finally {
        await repo.rollback().catch(() => {});
      }
    });
    await rename(partial, file);
    const { header, total, sha256 } = summary;
    return {
      file,
      store: header.store,
      migrations: header.migrations,
      tables: header.tables,
      rows: total,
      bytes: (await stat(file)).size,
      sha256,
    };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}
