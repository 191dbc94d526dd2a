import { readFile, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessRule } from '../../core/accounts/access-rule.ts';
import { citySlugSchema } from '../../core/cities/city.ts';
import { DomainError } from '../../core/errors.ts';
import { surveyStatuses } from '../../core/surveys/survey.ts';
import { actorOf } from '../http/access.ts';
import { errorResponses } from '../http/schemas.ts';
import { sendRejections } from '../imports/rejections-reply.ts';
import type { Services } from '../services.ts';
import type { SurveyView } from './survey-import.service.ts';

const surveySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    formId: z.string().nullable(),
    formVersion: z.string().nullable(),
    formFile: z.string(),
    dataFile: z.string(),
    languages: z.array(z.string()),
    status: z.enum(surveyStatuses),
    totals: z.object({ read: z.number().int(), imported: z.number().int(), rejected: z.number().int(), outside: z.number().int() }),
    repeats: z.array(z.string()),
    indicators: z.array(z.string()),
    questions: z.array(z.object({ path: z.string(), choices: z.array(z.string()) })),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    job: z
      .object({
        id: z.number().int(),
        status: z.string(),
        progress: z.object({ done: z.number(), total: z.number().nullable(), note: z.string().nullable() }),
        error: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'Survey' });

function toSurveyDto({ survey: s, job }: SurveyView): z.output<typeof surveySchema> {
  return {
    id: s.id,
    name: s.name,
    formId: s.formId,
    formVersion: s.formVersion,
    formFile: s.formFile,
    dataFile: s.dataFile,
    languages: s.languages,
    status: s.status,
    totals: s.totals,
    repeats: s.repeats,
    indicators: s.indicators,
    questions: s.meta?.questions ?? [],
    firstDate: s.firstDate,
    lastDate: s.lastDate,
    error: s.error,
    createdAt: s.createdAt.toISOString(),
    completedAt: s.completedAt?.toISOString() ?? null,
    job: job && { id: job.id, status: job.status, progress: job.progress, error: job.error },
  };
}

const cityParams = z.object({ city: citySlugSchema });
const surveyParams = z.object({ city: citySlugSchema, survey: z.coerce.number().int().positive() });
const standardForm = new URL('../../../forms/safer-cities-standard-modules.xlsx', import.meta.url);
const standardMapping = new URL('../../../forms/safer-cities-standard-modules.mapping.json', import.meta.url);

/** Surveys: upload a form, its export and a mapping (a job imports them), list, rejected rows, delete. */
export function surveyRoutes(app: FastifyInstance, services: Services): void {
  const common = {
    config: { access: { role: ['platform:secretariat', 'city:administrator', 'city:analyst'], scope: 'city' } as AccessRule },
  };
  const security = [{ bearer: [] }];
  const tags = ['surveys'];

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { files: 2, fields: 8, fileSize: 512 * 1024 ** 2 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/cities/:city/surveys',
      {
        ...common,
        schema: {
          tags,
          security,
          summary: 'Upload an XLSForm, its submissions export and a mapping; the import runs as a job.',
          description:
            'multipart/form-data: `form` (the XLSForm, .xlsx), `data` (the export, .csv or .xlsx), `mapping` (JSON, README ' +
            '"Surveys"), and optional `name`, `weight`, `strata`, `cluster` (export columns of the design). The form, the ' +
            'mapping and the export header are checked first (400 naming each field at fault); then a `surveys.import` job is ' +
            'queued. Answers 202 with the survey and its job.',
          consumes: ['multipart/form-data'],
          params: cityParams,
          response: { 202: surveySchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new DomainError('validation', 'Send multipart/form-data with form, data and mapping.');
        const fields: Record<string, string> = {};
        const files: Partial<Record<'form' | 'data', { name: string; path: string }>> = {};
        try {
          for await (const part of req.parts()) {
            if (part.type === 'field') {
              fields[part.fieldname] = String(part.value);
              continue;
            }
            if (part.fieldname !== 'form' && part.fieldname !== 'data') {
              part.file.resume();
              throw new DomainError('validation', `Unexpected file part "${part.fieldname}" (send form and data).`, { field: part.fieldname });
            }
            files[part.fieldname] = await services.surveys.imports.saveUpload(req.params.city, { name: part.filename, stream: part.file as Readable }, part.fieldname);
          }
          for (const field of ['form', 'data'] as const) {
            if (!files[field]) throw new DomainError('validation', `The request has no ${field} file.`, { field });
          }
          if (!fields.mapping) throw new DomainError('validation', 'The request has no mapping field.', { field: 'mapping' });
        } catch (err) {
          for (const f of Object.values(files)) await rm(f.path, { force: true });
          throw err;
        }
        const view = await services.surveys.imports.upload(
          req.params.city,
          { form: files.form!, data: files.data! },
          fields.mapping,
          { weight: fields.weight || undefined, strata: fields.strata || undefined, cluster: fields.cluster || undefined },
          fields.name || undefined,
          actorOf(req),
        );
        return reply.status(202).send(toSurveyDto(view));
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/cities/:city/surveys',
    {
      ...common,
      schema: { tags, security, summary: 'Survey imports of a city, newest first.', params: cityParams, response: { 200: z.object({ surveys: z.array(surveySchema) }), ...errorResponses } },
    },
    async (req) => ({ surveys: (await services.surveys.list(req.params.city)).map((survey) => toSurveyDto({ survey, job: null })) }),
  );

  r.get(
    '/api/v1/cities/:city/surveys/:survey',
    {
      ...common,
      schema: { tags, security, summary: 'One survey import: status, progress (from its job), totals.', params: surveyParams, response: { 200: surveySchema, ...errorResponses } },
    },
    async (req) => toSurveyDto(await services.surveys.get(req.params.city, req.params.survey)),
  );

  r.get(
    '/api/v1/cities/:city/surveys/:survey/rejections.csv',
    {
      ...common,
      schema: { tags, security, summary: 'Rejected rows of a survey import as CSV: line,field,value,reason.', params: surveyParams, produces: ['text/csv'] },
    },
    async (req, reply) => {
      const rows = await services.surveys.rejections(req.params.city, req.params.survey);
      return sendRejections(req, reply, services.audit, { target: { type: 'survey', id: req.params.survey }, city: req.params.city }, rows);
    },
  );

  r.delete(
    '/api/v1/cities/:city/surveys/:survey',
    {
      ...common,
      schema: { tags, security, summary: 'Delete a survey import and its responses.', params: surveyParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await services.surveys.delete(req.params.city, req.params.survey, actorOf(req));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/surveys/standard-form.xlsx',
    { config: { access: 'public' }, schema: { tags, summary: 'The standard modules XLSForm in the six UN languages (for KoBoToolbox/ODK).', produces: ['application/octet-stream'] } },
    async (_req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="safer-cities-standard-modules.xlsx"')
        .send(await readFile(standardForm)),
  );

  r.get(
    '/api/v1/surveys/standard-mapping.json',
    { config: { access: 'public' }, schema: { tags, summary: 'The mapping file of the standard modules form.' } },
    async (_req, reply) => reply.type('application/json').send(await readFile(standardMapping, 'utf8')),
  );
}
