import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';

/**
 * The logical backup format (version 1): a gzip file of JSON lines.
 *
 *   line 1        header  {"format":"safer-backup","version":1,"createdAt","store","migrations":[…],"tables":[{"name","rows"}]}
 *   per table     {"table": name, "columns": [names in table order]}
 *                 then exactly `rows` lines, each one row as row_to_json writes it
 *   last line     {"end": true, "tables": n, "rows": total, "sha256": hex}
 *
 * Tables come in foreign-key dependency order (referenced tables first). The SHA-256 covers every byte before the
 * end line (header, table lines and rows, each with its newline), so a truncated or altered file is detected.
 * Row lines are not parsed by the reader: PostgreSQL reads them with json_populate_recordset. A row whose text holds a
 * line break (possible only in the whitespace of a `json` column, which keeps its text as written) is written as a
 * JSON string of that text instead, so every row is one line and comes back byte for byte.
 */
export const BACKUP_FORMAT = 'safer-backup';
export const BACKUP_VERSION = 1;

const tableName = z.string().min(1).max(63);

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string().min(1),
  store: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string().min(1)),
  tables: z.array(z.object({ name: tableName, rows: z.number().int().min(0) })),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupTableLineSchema = z.object({
  table: tableName,
  columns: z.array(z.string().min(1)).min(1),
});
export type BackupTableLine = z.infer<typeof backupTableLineSchema>;

export const backupEndLineSchema = z.object({
  end: z.literal(true),
  tables: z.number().int().min(0),
  rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupEndLine = z.infer<typeof backupEndLineSchema>;

/** Progress of a backup, restore or move: called after each batch and when a table is done. */
export type BackupProgress = { table: string; rows: number; tablesDone: number; tablesTotal: number };

export type BackupRunOptions = {
  onProgress?(p: BackupProgress): void;
  signal?: AbortSignal;
};

export type TableCount = { name: string; rows: number };

/**
 * A backup (or a source store) can be loaded by this platform when its migrations are a prefix of the ones this
 * platform knows; otherwise it comes from a newer (or a different) platform.
 */
export function assertKnownMigrations(found: readonly string[], known: readonly string[], what: string): void {
  const i = found.findIndex((name, k) => known[k] !== name);
  if (i < 0 && found.length <= known.length) return;
  const unknown = found.slice(Math.max(i, 0)).filter((n) => !known.includes(n));
  const detail = unknown.length
    ? `it has migration ${unknown[0]}, which this version of the platform does not know`
    : `its migrations are not in the order this platform applies them (first difference: ${found[i] ?? '(none)'})`;
  throw new DomainError(
    'backup.incompatible',
    `${what} comes from a newer or different version of the platform: ${detail}. Upgrade the platform first.`,
    { migrations: found, known },
  );
}

export function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  return prefix.length <= of.length && prefix.every((n, i) => of[i] === n);
}

/** One row's JSON text as one line of the file (see above). */
export function encodeRowLine(rowJson: string): string {
  return rowJson.includes('\n') || rowJson.includes('\r') ? JSON.stringify(rowJson) : rowJson;
}

/** The row's JSON text from its line, or undefined when the line is not a row. */
export function decodeRowLine(line: string): string | undefined {
  if (line.startsWith('{')) return line;
  if (!line.startsWith('"')) return undefined;
  try {
    const text: unknown = JSON.parse(line);
    return typeof text === 'string' && text.startsWith('{') ? text : undefined;
  } catch {
    return undefined;
  }
}
