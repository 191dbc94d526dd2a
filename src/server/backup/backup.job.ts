import { existsSync, realpathSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import type { Store } from '../db/database.ts';
import { defineJob } from '../jobs/job.handler.ts';
import type { BackupProgress } from './backup.format.ts';
import { writeBackup } from './backup.writer.ts';

export const STORE_BACKUP_JOB = 'store.backup';

export function backupsDir(dataDir: string): string {
  return join(resolve(dataDir), 'backups');
}

/** `<dataDir>/backups/safer-<ISO 8601 basic timestamp>.jsonl.gz`, e.g. safer-20260102T030405.678Z.jsonl.gz. */
export function defaultBackupFile(dataDir: string, at: Date): string {
  return join(backupsDir(dataDir), `safer-${at.toISOString().replace(/[-:]/g, '')}.jsonl.gz`);
}

/**
 * Where a requested backup file may go: inside `<dataDir>/backups` (a relative path is taken from there), never
 * through a link that leads out of it. Returns the absolute path, or undefined when it is not allowed.
 */
export function resolveBackupFile(dataDir: string, requested: string): string | undefined {
  const dir = backupsDir(dataDir);
  const file = resolve(dir, requested);
  if (!isInside(dir, file)) return undefined;
  // Follow links in the part that exists already: a link in backups/ must not lead elsewhere.
  let existing = dirname(file);
  while (!existsSync(existing) && isInside(dir, existing)) existing = dirname(existing);
  if (existsSync(existing) && existsSync(dir)) {
    const realDir = realpathSync(dir);
    const realExisting = realpathSync(existing);
    if (realExisting !== realDir && !isInside(realDir, realExisting)) return undefined;
  }
  return file;
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The `store.backup` job: a logical backup of the whole store into `<dataDir>/backups`. Progress is reported per
 * table; cancellation and shutdown abort it between batches and leave no file.
 *
 * On PGlite the backup holds the only connection, so its progress updates reach the jobs table when it is done.
 */
export function storeBackupJob(store: Store, dataDir: string) {
  const fileField = z
    .string()
    .min(1)
    .max(500)
    .refine((f) => resolveBackupFile(dataDir, f) !== undefined, {
      message: `The backup file must be inside ${backupsDir(dataDir)}.`,
    });
  return defineJob({
    kind: STORE_BACKUP_JOB,
    payload: z.object({ file: fileField.optional() }),
    maxAttempts: 2,
    async run(ctx) {
      const file = ctx.payload.file
        ? resolveBackupFile(dataDir, ctx.payload.file)
        : defaultBackupFile(dataDir, new Date());
      if (!file) throw new DomainError('validation', `The backup file must be inside ${backupsDir(dataDir)}.`);
      if (existsSync(file)) throw new DomainError('conflict', `${file} exists already; a backup never replaces another.`);
      await mkdir(backupsDir(dataDir), { recursive: true, mode: 0o700 });

      // Progress goes to the jobs table in order, without holding up the backup; a failure to record it (e.g. a
      // cancellation) aborts ctx.signal, which the writer checks between batches.
      let reporting = Promise.resolve();
      let lastDone = -1;
      const onProgress = (p: BackupProgress) => {
        if (p.tablesDone === lastDone) return;
        lastDone = p.tablesDone;
        const note = `${p.table}: ${p.rows} rows`;
        reporting = reporting.then(() => ctx.progress(p.tablesDone, p.tablesTotal, note)).catch(() => {});
      };
      try {
        const summary = await writeBackup(store, file, { onProgress, signal: ctx.signal });
        await reporting;
        return { file: summary.file, tables: summary.tables, rows: summary.rows, bytes: summary.bytes, sha256: summary.sha256 };
      } finally {
        await reporting;
      }
    },
  });
}
