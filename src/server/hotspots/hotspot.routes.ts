import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccessRule, decide } from '../../core/accounts/access-rule.ts';
import { citySlugSchema } from '../../core/cities/city.ts';
import { hotspotQuerySchema } from '../../core/hotspots/hotspot-query.ts';
import { resultCsv, resultGeoJson } from '../../core/hotspots/hotspot-result.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';

/** Who sees exact results (DESIGN §4): the city's analysts and administrators, the secretariat, the operator. */
const exactReaders: AccessRule = { role: ['platform:secretariat', 'city:administrator', 'city:analyst'], scope: 'city' };

export function hotspotRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/cities/:city/hotspots',
    {
      config: { access: 'public' },
      schema: {
        tags: ['hotspots'],
        summary: 'Hotspot analysis: Getis–Ord Gi/Gi*, local Moran (LISA), kernel density, emerging hot spots, Knox test.',
        description:
          'GeoJSON by default, CSV with `Accept: text/csv`. `grid` is units, h3:<7-10> or square:<metres>; `weights` ' +
          'queen, rook, knn:<k>, band:<metres> or ring:<k> (H3 only). The city’s analysts and administrators and the ' +
          'secretariat get exact results; anyone else gets no figure resting on fewer than 5 records (DESIGN §6). ' +
          'The GeoJSON carries `parameters`, `notes`, `global`, `islands` and `knox` as foreign members.',
        params: z.object({ city: citySlugSchema }),
        querystring: hotspotQuerySchema,
        produces: ['application/geo+json', 'text/csv'],
        response: { 200: z.unknown().meta({ description: 'GeoJSON FeatureCollection, or CSV' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const city = await services.cities.get(req.params.city);
      const target = { found: true as const, scope: { kind: 'city' as const, id: city.id, slug: city.slug } };
      const exact = decide(exactReaders, req.principal, target).allowed;
      const result = await services.hotspots.analyse(req.params.city, req.query, exact ? 'exact' : 'public');
      if (/\btext\/csv\b/.test(req.headers.accept ?? '')) {
        return reply.type('text/csv; charset=utf-8').send(stringify(resultCsv(resultGeoJson(result))));
      }
      return reply.type('application/geo+json').send(resultGeoJson(result));
    },
  );
}
