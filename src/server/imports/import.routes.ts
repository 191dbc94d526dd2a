import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessRule } from '../../core/accounts/access-rule.ts';
import { citySlugSchema } from '../../core/cities/city.ts';
import { DomainError } from '../../core/errors.ts';
import { batchStatuses } from '../../core/incidents/import-batch.ts';
import { tooLargeError } from '../http/errors.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import type { BatchView } from './import.service.ts';
import { sendRejections } from './rejections-reply.ts';

const totalsSchema = z.object({
  read: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  outside: z.number().int(),
});

const batchSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['incidents', 'units', 'population']),
    status: z.enum(batchStatuses),
    source: z.string().nullable(),
    fileName: z.string(),
    fileSha256: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    error: z.string().nullable(),
    totals: totalsSchema,
    job: z
      .object({
        id: z.number().int(),
        status: z.string(),
        progress: z.object({ done: z.number(), total: z.number().nullable(), note: z.string().nullable() }),
        error: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ImportBatch' });

export function toBatchDto(view: BatchView): z.output<typeof batchSchema> {
  const { batch, job } = view;
  return {
    id: batch.id,
    kind: batch.kind,
    status: batch.status,
    source: batch.source,
    fileName: batch.fileName,
    fileSha256: batch.fileSha256,
    createdAt: batch.createdAt.toISOString(),
    completedAt: batch.completedAt?.toISOString() ?? null,
    undoneAt: batch.undoneAt?.toISOString() ?? null,
    error: batch.error,
    totals: batch.totals,
    job: job && { id: job.id, status: job.status, progress: job.progress, error: job.error },
  };
}

const cityParams = z.object({ city: citySlugSchema });
const batchParams = z.object({ city: citySlugSchema, batch: z.coerce.number().int().positive() });

/** Incident imports: browser upload (multipart), status with the job's progress, rejected rows, undo. */
export function importRoutes(app: FastifyInstance, services: Services, opts: { maxUploadBytes?: number | undefined } = {}): void {
  const fileSize = opts.maxUploadBytes ?? 4 * 1024 ** 3;
  // The city's administrators and analysts import and undo; the secretariat and the operator may too.
  const common = {
    config: { access: { role: ['platform:secretariat', 'city:administrator', 'city:analyst'], scope: 'city' } as AccessRule },
  };
  const security = [{ bearer: [] }];
  const tags = ['imports'];

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { files: 1, fields: 4, fileSize } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/cities/:city/imports',
      {
        config: { ...common.config, uploadLimitBytes: fileSize },
        schema: {
          tags,
          security,
          summary: 'Upload a file of incident records with its profile; the import runs as a job.',
          description:
            'multipart/form-data with a `profile` field (the import profile as JSON) and a `file` part (.csv, .tsv, ' +
            '.txt, .xlsx, .geojson, .json). The file is stored under the data directory, its header is checked, and ' +
            'an `incidents.import` job is queued. Answers 202 with the batch and its job.',
          consumes: ['multipart/form-data'],
          params: cityParams,
          response: { 202: batchSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new DomainError('validation', 'Send multipart/form-data with a profile and a file.');
        let profile: unknown;
        let view: BatchView | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'profile') profile = part.value;
            continue;
          }
          if (profile === undefined) {
            part.file.resume();
            throw new DomainError('validation', 'Send the profile field before the file part.', { field: 'profile' });
          }
          try {
            view = await services.imports.upload(req.params.city, { name: part.filename, stream: part.file as Readable }, profile);
          } catch (err) {
            if (err instanceof DomainError && err.code === 'upload.too_large') throw tooLargeError(fileSize);
            throw err;
          }
        }
        if (!view) throw new DomainError('validation', 'The request has no file part.', { field: 'file' });
        return reply.status(202).send(toBatchDto(view));
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/cities/:city/imports',
    {
      ...common,
      schema: { tags, security, summary: 'Incident imports of a city, newest first.', params: cityParams, response: { 200: z.object({ imports: z.array(batchSchema) }), ...errorResponses } },
    },
    async (req) => ({ imports: (await services.imports.list(req.params.city)).map((batch) => toBatchDto({ batch, job: null })) }),
  );

  r.get(
    '/api/v1/cities/:city/imports/:batch',
    {
      ...common,
      schema: { tags, security, summary: 'One import: status, progress (from its job) and totals.', params: batchParams, response: { 200: batchSchema, ...errorResponses } },
    },
    async (req) => toBatchDto(await services.imports.get(req.params.city, req.params.batch)),
  );

  r.get(
    '/api/v1/cities/:city/imports/:batch/rejections.csv',
    {
      ...common,
      schema: { tags, security, summary: 'The rejected rows of an import as CSV: line,field,value,reason.', params: batchParams, produces: ['text/csv'] },
    },
    async (req, reply) => {
      const rows = await services.imports.rejections(req.params.city, req.params.batch);
      return sendRejections(req, reply, services.audit, { target: { type: 'import', id: req.params.batch }, city: req.params.city }, rows);
    },
  );

  r.post(
    '/api/v1/cities/:city/imports/:batch/undo',
    {
      ...common,
      schema: { tags, security, summary: 'Remove a whole import, restoring the records it replaced.', params: batchParams, response: { 200: batchSchema, ...errorResponses } },
    },
    async (req) => toBatchDto({ batch: await services.imports.undo(req.params.city, req.params.batch), job: null }),
  );

  r.post(
    '/api/v1/admin/imports/:batch/undo',
    {
      // No city in the path: the secretariat or the operator only.
      config: { access: { role: ['platform:secretariat'] } as AccessRule },
      schema: {
        tags,
        security,
        summary: 'Undo an import by its id alone (ids are unique across cities).',
        params: z.object({ batch: z.coerce.number().int().positive() }),
        response: { 200: batchSchema, ...errorResponses },
      },
    },
    async (req) => toBatchDto({ batch: await services.imports.undoById(req.params.batch), job: null }),
  );
}
