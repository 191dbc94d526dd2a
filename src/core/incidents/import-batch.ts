/**
 * One import of a file (import_batches). Its records become visible in one final transaction that marks it
 * `complete`; `running` batches are invisible; `failed` ones were interrupted and hold no record; `undone` ones were
 * removed by the analyst and restore the records they had replaced.
 */
export const batchStatuses = ['running', 'complete', 'failed', 'undone'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export type ImportTotals = {
  /** Data rows read (the header is not a row). */
  read: number;
  /** New records. */
  imported: number;
  /** Records that replaced an older version of themselves (same id, different content). */
  updated: number;
  /** Rows already present, identical (re-imports, overlapping extracts, merged duplicates). */
  unchanged: number;
  rejected: number;
  /** Records, imported or updated, outside every unit (counted under unit 0). */
  outside: number;
};

export const emptyTotals = (): ImportTotals => ({ read: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0, outside: 0 });

export type ImportBatch = {
  id: number;
  cityId: number;
  kind: 'incidents' | 'units' | 'population';
  source: string | null;
  fileName: string;
  fileSha256: string;
  status: BatchStatus;
  jobId: number | null;
  totals: ImportTotals;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
  undoneAt: Date | null;
};

export function canUndo(status: BatchStatus): boolean {
  switch (status) {
    case 'complete':
      return true;
    case 'running':
    case 'failed':
    case 'undone':
      return false;
    default:
      return assertNever(status);
  }
}

function assertNever(v: never): never {
  throw new Error(`unexpected ${String(v)}`);
}
