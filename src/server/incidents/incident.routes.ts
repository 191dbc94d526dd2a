import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccessRule, decide } from '../../core/accounts/access-rule.ts';
import { citySlugSchema } from '../../core/cities/city.ts';
import { summaryKeys, summaryQuerySchema } from '../../core/incidents/summary.ts';
import { actorOf } from '../http/access.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';

const summaryRowSchema = z
  .object({
    ...Object.fromEntries(summaryKeys.map((k) => [k, z.string().optional()])),
    count: z.number().int().nullable().meta({ description: 'null where a public answer suppresses a small count' }),
  })
  .meta({ id: 'IncidentSummaryRow' });

const summarySchema = z.object({ rows: z.array(summaryRowSchema), notes: z.array(z.string()) }).meta({ id: 'IncidentSummary' });

/**
 * The incident summary. Public for now: the operator (Bearer token) gets exact counts; anyone else gets counts
 * from 1 to 4 suppressed (DESIGN §6), with a note saying so.
 */
/** Who sees exact counts (DESIGN §4): the city's analysts and administrators, the secretariat, the operator. */
const exactReaders: AccessRule = { role: ['platform:secretariat', 'city:administrator', 'city:analyst'], scope: 'city' };

export function incidentRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/cities/:city/incidents/summary',
    {
      config: { access: 'public' },
      schema: {
        tags: ['incidents'],
        summary: 'Incident counts by unit, month, ICCS category, sex, age band and source.',
        description:
          '`by` is a comma-separated list of unit, month, iccs, sex, age, source. `from`/`to` are whole days, both ' +
          'inclusive, in the city time zone. `iccs` matches the code and its descendants. `level` picks the unit ' +
          'level (default: the finest). Every unit is listed, with 0 where it has no record; `outside` only when ' +
          'records fall outside every unit. Anonymous answers suppress counts below 5.',
        params: z.object({ city: citySlugSchema }),
        querystring: summaryQuerySchema,
        response: { 200: summarySchema, ...errorResponses },
      },
    },
    async (req) => {
      const city = await services.cities.get(req.params.city);
      const target = { found: true as const, scope: { kind: 'city' as const, id: city.id, slug: city.slug } };
      const exact = decide(exactReaders, req.principal, target).allowed;
      const summary = await services.incidents.summary(req.params.city, req.query, exact ? 'exact' : 'public');
      // Exact counts (small cells included) are a sensitive read (DESIGN §6): who, which city, which breakdown.
      if (exact) {
        await services.audit.record(actorOf(req), {
          action: 'incident.read_exact',
          target: { type: 'city', id: city.slug },
          scope: { kind: 'city', id: city.slug },
          fields: Object.keys(req.query).filter((k) => (req.query as Record<string, unknown>)[k] !== undefined),
          count: summary.rows.length,
        });
      }
      return summary;
    },
  );
}
