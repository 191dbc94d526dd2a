import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditQuerySchema } from '../../core/audit/audit-entry.ts';
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
  })
  .meta({ id: 'AuditEntry' });

/** The audit log, read-only: no route changes or deletes an entry. */
export function auditRoutes(app: FastifyInstance, services: Services): void {
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
