import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Job, jobStatuses } from '../../core/jobs/job.ts';
import { actorOf } from '../http/access.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';

const jobSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    status: z.enum(jobStatuses),
    progress: z.object({ done: z.number(), total: z.number().nullable(), note: z.string().nullable() }),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    cancelRequested: z.boolean(),
    runAt: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
    result: z.unknown(),
  })
  .meta({ id: 'Job' });

export function toJobDto(job: Job): z.output<typeof jobSchema> {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    cancelRequested: job.cancelRequested,
    runAt: job.runAt.toISOString(),
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error,
    result: job.result,
  };
}

const idParams = z.object({ id: z.coerce.number().int().positive() });

export function jobRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The secretariat, or the operator (who passes every rule).
  const common = { config: { access: { role: ['platform:secretariat'] as const } } };
  const security = [{ bearer: [] }];

  r.get(
    '/api/v1/admin/jobs',
    {
      ...common,
      schema: {
        tags: ['jobs'],
        summary: 'Jobs, newest first.',
        security,
        querystring: z.object({
          status: z.enum(jobStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: z.object({ jobs: z.array(jobSchema) }), ...errorResponses },
      },
    },
    async (req) => ({ jobs: (await services.jobs.list(req.query.limit, req.query.status)).map(toJobDto) }),
  );

  r.get(
    '/api/v1/admin/jobs/:id',
    { ...common, schema: { tags: ['jobs'], security, params: idParams, response: { 200: jobSchema, ...errorResponses } } },
    async (req) => toJobDto(await services.jobs.get(req.params.id)),
  );

  r.post(
    '/api/v1/admin/jobs',
    {
      ...common,
      schema: {
        tags: ['jobs'],
        summary: 'Queue a job of a known kind.',
        security,
        body: z.object({ kind: z.string().min(1), payload: z.record(z.string(), z.unknown()).default({}) }),
        response: { 201: jobSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(toJobDto(await services.jobs.enqueue(req.body.kind, req.body.payload, { actor: actorOf(req) }))),
  );

  r.post(
    '/api/v1/admin/jobs/:id/cancel',
    { ...common, schema: { tags: ['jobs'], security, params: idParams, response: { 200: jobSchema, ...errorResponses } } },
    async (req) => toJobDto(await services.jobs.cancel(req.params.id, actorOf(req))),
  );

  r.post(
    '/api/v1/admin/jobs/:id/retry',
    { ...common, schema: { tags: ['jobs'], security, params: idParams, response: { 200: jobSchema, ...errorResponses } } },
    async (req) => toJobDto(await services.jobs.retry(req.params.id, actorOf(req))),
  );
}
