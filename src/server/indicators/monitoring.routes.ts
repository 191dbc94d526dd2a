import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import { priorityInputSchema, reportInputSchema, targetInputSchema } from '../../core/indicators/monitoring.ts';
import { actorOf } from '../http/access.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import { accessFor, indicatorWriters } from './indicator.routes.ts';
import type { StoredReport } from './monitoring.repository.ts';
import { MONITORING_REPORT_JOB } from './report.job.ts';

const cityParams = z.object({ city: citySlugSchema });
const idParams = z.object({ city: citySlugSchema, id: z.coerce.number().int().positive() });
const created = z.object({ id: z.number() });

const value = z.object({ year: z.number(), value: z.number().nullable(), lower: z.number().nullable(), upper: z.number().nullable() });
const targetSchema = z.object({
  id: z.number(),
  priorityId: z.number(),
  indicatorCode: z.string(),
  baseline: z.object({ value: z.number(), year: z.number() }),
  target: z.object({ value: z.number(), year: z.number() }),
});
const progressSchema = z
  .object({
    priorities: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        position: z.number(),
        targets: z.array(
          z.object({
            target: targetSchema,
            latest: value.extend({ suppressed: z.boolean().optional() }).nullable(),
            series: z.array(value.extend({ numerator: z.number().nullable(), denominator: z.number().nullable() })),
            trend: z
              .object({
                method: z.string(),
                annualChangePercent: z.number(),
                projection: z.object({ year: z.number(), value: z.number(), lower: z.number(), upper: z.number() }),
              })
              .nullable(),
            status: z.enum(['on_track', 'off_track', 'uncertain', 'no_data']),
            notes: z.array(z.string()),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'MonitoringProgress' });

const reportSchema = z
  .object({
    id: z.number(),
    jobId: z.number().nullable(),
    from: z.string(),
    to: z.string(),
    lang: z.string(),
    status: z.enum(['queued', 'done', 'failed']),
    note: z.string().nullable(),
    hasHtml: z.boolean(),
    hasPdf: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'MonitoringReport' });

const toReportDto = (r: StoredReport) => ({ ...r, createdAt: r.createdAt.toISOString() });

/** The monitoring framework: priorities and targets (public to read, city analysts and administrators write), progress and reports. */
export function monitoringRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];
  const write = { config: { access: indicatorWriters } };

  r.get(
    '/api/v1/cities/:city/monitoring',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Priorities and targets with progress: latest value and interval, Poisson trend, on track / off track / uncertain.',
        description: 'Public answers withhold yearly values resting on fewer than 5 records; analysts and administrators see exact figures.',
        params: cityParams,
        querystring: z.object({ to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
        response: { 200: progressSchema, ...errorResponses },
      },
    },
    async (req) => {
      const city = await services.cities.get(req.params.city);
      return { priorities: await services.monitoring.progress(req.params.city, accessFor(req, city), req.query.to ? { to: req.query.to } : undefined) };
    },
  );

  r.post(
    '/api/v1/cities/:city/monitoring/priorities',
    { ...write, schema: { tags, summary: 'Add a priority.', params: cityParams, body: priorityInputSchema, response: { 201: created, ...errorResponses } } },
    async (req, reply) => reply.status(201).send({ id: await services.monitoring.addPriority(req.params.city, req.body, actorOf(req)) }),
  );
  r.put(
    '/api/v1/cities/:city/monitoring/priorities/:id',
    { ...write, schema: { tags, summary: 'Change a priority.', params: idParams, body: priorityInputSchema, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await services.monitoring.updatePriority(req.params.city, req.params.id, req.body, actorOf(req));
      return reply.status(204).send(null);
    },
  );
  r.delete(
    '/api/v1/cities/:city/monitoring/priorities/:id',
    { ...write, schema: { tags, summary: 'Remove a priority and its targets.', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await services.monitoring.deletePriority(req.params.city, req.params.id, actorOf(req));
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/cities/:city/monitoring/targets',
    { ...write, schema: { tags, summary: 'Add an indicator to a priority, with baseline and target.', params: cityParams, body: targetInputSchema, response: { 201: created, ...errorResponses } } },
    async (req, reply) => reply.status(201).send({ id: await services.monitoring.addTarget(req.params.city, req.body, actorOf(req)) }),
  );
  r.put(
    '/api/v1/cities/:city/monitoring/targets/:id',
    { ...write, schema: { tags, summary: 'Change a target.', params: idParams, body: targetInputSchema, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await services.monitoring.updateTarget(req.params.city, req.params.id, req.body, actorOf(req));
      return reply.status(204).send(null);
    },
  );
  r.delete(
    '/api/v1/cities/:city/monitoring/targets/:id',
    { ...write, schema: { tags, summary: 'Remove a target.', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await services.monitoring.deleteTarget(req.params.city, req.params.id, actorOf(req));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/cities/:city/monitoring/reports',
    { ...write, schema: { tags, summary: 'Progress reports of the city, newest first.', params: cityParams, response: { 200: z.object({ reports: z.array(reportSchema) }), ...errorResponses } } },
    async (req) => ({ reports: (await services.monitoring.reports(req.params.city)).map(toReportDto) }),
  );
  r.post(
    '/api/v1/cities/:city/monitoring/reports',
    {
      ...write,
      schema: {
        tags,
        summary: 'Generate a progress report for a period in one of the six languages, as a job: printable HTML and a PDF printed by Chromium.',
        params: cityParams,
        body: reportInputSchema,
        response: { 202: reportSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { cityId, id } = await services.monitoring.newReport(req.params.city, req.body, actor);
      const job = await services.jobs.enqueue(MONITORING_REPORT_JOB, { city: req.params.city, cityId, reportId: id }, { actor });
      await services.monitoring.repo.setReportJob(cityId, id, job.id);
      return reply.status(202).send(toReportDto(await services.monitoring.report(req.params.city, id)));
    },
  );
  r.get(
    '/api/v1/cities/:city/monitoring/reports/:id',
    { ...write, schema: { tags, summary: 'One progress report: status and whether the HTML and PDF are there.', params: idParams, response: { 200: reportSchema, ...errorResponses } } },
    async (req) => toReportDto(await services.monitoring.report(req.params.city, req.params.id)),
  );
  r.get(
    '/api/v1/cities/:city/monitoring/reports/:id/html',
    { ...write, schema: { tags, summary: 'The report as a printable HTML page.', params: idParams, produces: ['text/html'] } },
    async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        // A static page: its own inline styles and SVG, no script, nothing fetched.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'")
        .send(await services.monitoring.reportBody(req.params.city, req.params.id, 'html')),
  );
  r.get(
    '/api/v1/cities/:city/monitoring/reports/:id/pdf',
    { ...write, schema: { tags, summary: 'The report as PDF (absent where Chromium was not there: see the note, and print the HTML).', params: idParams, produces: ['application/pdf'] } },
    async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${req.params.city}-progress-${req.params.id}.pdf"`)
        .send(Buffer.from(await services.monitoring.reportBody(req.params.city, req.params.id, 'pdf'))),
  );
}
