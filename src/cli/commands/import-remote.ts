import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { DomainError, isErrorCode } from '../../core/errors.ts';
import type { ImportTotals } from '../../core/incidents/import-batch.ts';
import type { Config } from '../../server/config.ts';
import { readOperatorToken } from '../../server/operator-token.ts';
import type { ApiClient } from '../api-client.ts';
import { progressBar } from '../progress.ts';
import { CliError } from '../target.ts';

/** An import batch as the API answers it (see import.routes.ts). */
export type BatchDto = {
  id: number;
  status: 'running' | 'complete' | 'failed' | 'undone';
  source: string | null;
  fileName: string;
  createdAt: string;
  completedAt: string | null;
  error: string | null;
  totals: ImportTotals;
  job: { id: number; status: string; progress: { done: number; total: number | null; note: string | null }; error: string | null } | null;
};

/**
 * Imports a file through the running server's API (it holds the store): uploads it with the profile, then follows
 * the job's progress until the batch is complete or failed. Returns the batch and its rejected rows as CSV text.
 */
export async function importThroughApi(
  api: ApiClient,
  config: Config,
  city: string,
  file: string,
  profile: unknown,
): Promise<{ batch: BatchDto; rejectionsCsv: string }> {
  const token = readOperatorToken(config.dataDir);
  if (!token) throw new CliError(`No operator token in ${config.dataDir}.`);
  const form = new FormData();
  form.append('profile', JSON.stringify(profile));
  form.append('file', await openAsBlob(file), basename(file));
  const headers = { authorization: `Bearer ${token}` };
  const base = `${api.baseUrl}/api/v1/cities/${encodeURIComponent(city)}/imports`;
  const queued = await call<BatchDto>(await fetch(base, { method: 'POST', headers, body: form }));
  const bar = progressBar(`importing ${basename(file)} (bytes)`);
  let batch = queued;
  try {
    while (batch.status === 'running') {
      await new Promise((r) => setTimeout(r, 500));
      batch = await api.request<BatchDto>('GET', `/api/v1/cities/${encodeURIComponent(city)}/imports/${queued.id}`);
      if (batch.job) bar.update(batch.job.progress.done, batch.job.progress.total);
      if (batch.job && ['failed', 'cancelled'].includes(batch.job.status) && batch.status === 'running') break;
    }
  } finally {
    bar.stop();
  }
  if (batch.status !== 'complete') {
    throw new CliError(`Import ${batch.id} ${batch.status}: ${batch.error ?? batch.job?.error ?? 'no reason given'}`);
  }
  const rejections = await fetch(`${base}/${batch.id}/rejections.csv`, { headers });
  if (!rejections.ok) await call(rejections);
  return { batch, rejectionsCsv: await rejections.text() };
}

async function call<T>(res: Response): Promise<T> {
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new DomainError(e?.code && isErrorCode(e.code) ? e.code : 'internal', e?.message ?? `HTTP ${res.status}`, e?.details);
  }
  return json as T;
}
