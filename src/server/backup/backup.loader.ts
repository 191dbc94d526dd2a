import type { BackupRepository, TableInfo } from './backup.repository.ts';

/** Rows per insert statement when loading (restore and move). */
export const WRITE_BATCH = 1000;

/**
 * The columns to insert for a table whose rows were written with `columns`: those the target can take (generated
 * columns are computed again). A column the target does not have is an error: its data would be lost.
 */
export function insertColumns(target: TableInfo, columns: readonly string[]): string[] | { missing: string[] } {
  const have = new Map(target.columns.map((c) => [c.name, c]));
  const missing = columns.filter((c) => !have.has(c));
  if (missing.length) return { missing };
  return columns.filter((c) => !have.get(c)!.generated);
}

/** After a load: every table holds exactly the rows expected, and identity/serial sequences continue after them. */
export async function verifyAndResetSequences(
  repo: BackupRepository,
  tables: readonly TableInfo[],
  expected: ReadonlyMap<string, number>,
): Promise<string[]> {
  const wrong: string[] = [];
  for (const t of tables) {
    const rows = await repo.countRows(t.name);
    const want = expected.get(t.name) ?? 0;
    if (rows !== want) wrong.push(`${t.name} has ${rows} rows, ${want} expected`);
    await repo.resetSequences(t);
  }
  return wrong;
}
