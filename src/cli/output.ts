import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';

/** Data goes to stdout, notes and progress to stderr (DESIGN §4: a CSV is one header row and data). */
export const formatSchema = z.enum(['csv', 'json']);
export type Format = z.infer<typeof formatSchema>;

export function writeTable(format: Format, columns: string[], rows: Record<string, unknown>[]): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    stringify(
      rows.map((r) => columns.map((c) => r[c] ?? '')),
      { header: true, columns },
    ),
  );
}

export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
