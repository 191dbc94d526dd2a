import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defineJob } from '../jobs/job.handler.ts';
import type { Services } from '../services.ts';
import { SURVEYS_IMPORT_JOB } from './survey-import.service.ts';

/**
 * The `surveys.import` job: reads the uploaded form and submissions into the survey created at upload, in one
 * transaction (a failed or cancelled attempt leaves no responses), with progress in rows.
 */
export function surveysImportJob(services: Services) {
  const imports = services.surveys.imports;
  const upload = z.string().refine((p) => imports.isUpload(p), 'must be a file stored by an upload');
  return defineJob({
    kind: SURVEYS_IMPORT_JOB,
    payload: z.object({
      city: z.string().min(1),
      surveyId: z.number().int().positive(),
      formPath: upload,
      formName: z.string().min(1),
      dataPath: upload,
      dataName: z.string().min(1),
    }),
    maxAttempts: 1,
    async run(ctx) {
      const p = ctx.payload;
      const view = await services.surveys.get(p.city, p.surveyId);
      if (view.survey.status === 'complete') return { survey: p.surveyId, totals: view.survey.totals, notes: [] };
      const result = await imports.importFiles({
        citySlug: p.city,
        formPath: p.formPath,
        formName: p.formName,
        dataPath: p.dataPath,
        dataName: p.dataName,
        mapping: await imports.mappingOf(view.survey.cityId, p.surveyId),
        surveyId: p.surveyId,
        onProgress: (done, total, note) => ctx.progress(done, total, note),
      });
      return { survey: result.survey.id, totals: result.survey.totals, notes: result.notes };
    },
  });
}

/** Registers the survey import job and tells the service where uploads go (`<data dir>/uploads`). */
export function registerSurveyImports(services: Services, dataDir: string): void {
  services.surveys.imports.uploadsDir = join(resolve(dataDir), 'uploads');
  services.jobs.register(surveysImportJob(services));
}
