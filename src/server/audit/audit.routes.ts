import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditExportColumns, auditExportRow, auditFilterSchema, auditQuerySchema } from '../../core/audit/audit-entry.ts';
import { actorOf } from '../http/access.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string().nullable() }),
    scope: z.object({ kind: z.string(), id: z.string() }).nullable(),
    fields: z.array(z.string()),
    count: z.number().int().nullable().meta({ description: 'For a read: how many records it returned' }),
  })
  .meta({ id: 'AuditEntry' });

/** The audit log, read-only: no route changes or deletes an entry. */
export function auditRoutes(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit/export',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: {
        tags: ['audit'],
        summary: 'Every audit log entry matching the filters, newest first, as CSV or JSON (the export is itself audited).',
        description: `The filters of \`GET /api/v1/audit\`, without paging. CSV columns: ${auditExportColumns.join(', ')}.`,
        querystring: auditFilterSchema.extend({ format: z.enum(['csv', 'json']).default('csv') }),
        produces: ['text/csv', 'application/json'],
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const rows = [];
      for await (const e of services.audit.entries(filter)) rows.push(auditExportRow(e));
      await services.audit.record(actorOf(req), {
        action: 'audit.export',
        target: { type: 'audit_log', id: null },
        fields: Object.keys(filter).filter((k) => filter[k as keyof typeof filter] !== undefined),
        count: rows.length,
      });
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="audit-${stamp}.${format}"`).header('cache-control', 'no-store');
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows));
      return reply.type('text/csv; charset=utf-8').send(stringify(rows.map((r) => auditExportColumns.map((c) => r[c])), { header: true, columns: [...auditExportColumns] }));
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first: who, when, what record, which fields (never their values).',
        description:
          'Filters: `actor` (user:12, system:operator, anonymous), `action` (city.create, or session.* for a family), ' +
          '`targetType`/`targetId`, `scope` (city:nairobi, country:KEN, platform), `from`/`to` (ISO 8601 instants). ' +
          'Pages of `limit` entries; pass the answer\'s `next` as `before` for the next page.',
        querystring: auditQuerySchema,
        response: { 200: z.object({ entries: z.array(entrySchema), next: z.number().int().nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const page = await services.audit.list(req.query);
      return { entries: page.entries.map((e) => ({ ...e, at: e.at.toISOString() })), next: page.next };
    },
  );
}
