// Reads an import batch from the server's answer. The server names the batch `id` and nests the
// job's progress under `job`; the contract the web app was written to names them `batchId`,
// `jobId` and `progress`. Both shapes are read, so the page works with either.
import { type ImportBatch, type ImportStatus, type ImportTotals, importStatuses } from './types.ts';

type Progress = { done: number; total: number | null };

type RawBatch = {
  id?: number;
  batchId?: number;
  jobId?: number | null;
  kind?: string | null;
  status?: string;
  source?: string | null;
  fileName?: string;
  progress?: Progress | null;
  totals?: Partial<ImportTotals> | null;
  error?: string | null;
  createdAt?: string;
  completedAt?: string | null;
  job?: { id: number; status: string; progress?: Progress | null; error?: string | null } | null;
};

const isStatus = (value: unknown): value is ImportStatus =>
  typeof value === 'string' && (importStatuses as readonly string[]).includes(value);

function statusOf(raw: RawBatch): ImportStatus {
  const status = isStatus(raw.status) ? raw.status : 'running';
  // A batch whose job gave up (failed after its last attempt, or was cancelled) will not finish.
  if (status === 'running' && (raw.job?.status === 'failed' || raw.job?.status === 'cancelled')) return 'failed';
  return status;
}

export function toImportBatch(answer: unknown, known: { fileName?: string } = {}): ImportBatch {
  const raw = (typeof answer === 'object' && answer !== null ? answer : {}) as RawBatch;
  const totals = raw.totals ?? {};
  return {
    batchId: raw.batchId ?? raw.id ?? 0,
    jobId: raw.jobId ?? raw.job?.id ?? null,
    kind: raw.kind ?? null,
    status: statusOf(raw),
    source: raw.source ?? null,
    fileName: raw.fileName ?? known.fileName ?? '',
    progress: raw.progress ?? raw.job?.progress ?? { done: 0, total: null },
    totals: {
      read: totals.read ?? 0,
      imported: totals.imported ?? 0,
      updated: totals.updated ?? 0,
      unchanged: totals.unchanged ?? 0,
      rejected: totals.rejected ?? 0,
      outside: totals.outside ?? 0,
    },
    error: raw.error ?? raw.job?.error ?? null,
    createdAt: raw.createdAt ?? new Date().toISOString(),
    completedAt: raw.completedAt ?? null,
  };
}
