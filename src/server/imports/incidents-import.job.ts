import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import type { Services } from '../services.ts';
import { INCIDENTS_IMPORT_JOB } from './import.service.ts';

/**
 * The `incidents.import` job: imports an uploaded file into the batch created at upload, with the profile stored
 * on the batch. Progress is bytes read of the file; cancellation and shutdown stop it between insert batches and
 * leave nothing visible (a later attempt starts the batch again from nothing).
 */
export function incidentsImportJob(services: Services) {
  return defineJob({
    kind: INCIDENTS_IMPORT_JOB,
    payload: z.object({
      city: z.string().min(1),
      batchId: z.number().int().positive(),
      path: z.string().refine((p) => services.imports.isUpload(p), 'must be a file stored by an upload'),
      fileName: z.string().min(1),
    }),
    maxAttempts: 2,
    async run(ctx) {
      const { city, batchId, path, fileName } = ctx.payload;
      const view = await services.imports.get(city, batchId);
      if (view.batch.status === 'complete') return { batch: batchId, totals: view.batch.totals, notes: [] };
      const result = await services.incidentImports.importFile({
        citySlug: city,
        path,
        fileName,
        profile: await services.imports.profileOf(city, batchId),
        batchId,
        jobId: ctx.jobId,
        signal: ctx.signal,
        onProgress: (p) => ctx.progress(p.bytes, p.totalBytes, `${p.rows} rows read`),
      });
      // The records are in; the yearly rollup of the indicators follows them now rather than on the first question.
      // The import stands whatever happens here: a question rebuilds a rollup that is behind.
      await services.indicators.refreshRollup(city).catch(() => false);
      return { batch: result.batch.id, totals: result.batch.totals, notes: result.notes };
    },
  });
}

export const IMPORTS_CLEANUP_JOB = 'imports.cleanup';

/**
 * The `imports.cleanup` job: marks incident batches left `running` by a process that died as failed and deletes
 * their rows (each import also does this before it starts). For `safer jobs run` from cron.
 */
export function importsCleanupJob(services: Services) {
  return defineJob({
    kind: IMPORTS_CLEANUP_JOB,
    payload: z.object({}),
    async run() {
      return { cleaned: await services.incidentImports.cleanupAbandoned() };
    },
  });
}

/** Registers the import jobs and tells the imports service where uploads go (`<data dir>/uploads`). */
export function registerIncidentImports(services: Services, dataDir: string): void {
  services.imports.uploadsDir = join(resolve(dataDir), 'uploads');
  services.jobs.register(incidentsImportJob(services));
  services.jobs.register(importsCleanupJob(services));
}
