import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import { unitLevelSchema, yearSchema } from '../../core/units/unit.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';

const position = z.array(z.number()).min(2);
const ring = z.array(position);
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
]);

const unitPropertiesSchema = z.object({
  unit: z.string().meta({ description: 'The unit id as imported' }),
  name: z.string(),
  level: z.number().int(),
  parent: z.string().nullable(),
  population: z.number().nullable().meta({ description: 'Total population in populationYear, or null' }),
  populationYear: z.number().int().nullable(),
  issues: z.number().int().meta({ description: 'How many issues the import flagged on this unit' }),
  areaM2: z.number().meta({ description: 'Area in square metres (@turf/area, on a sphere of radius 6371008.8 m)' }),
});

const unitCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), geometry: geometrySchema, properties: unitPropertiesSchema })),
  })
  .meta({ id: 'UnitFeatureCollection', description: 'GeoJSON (RFC 7946), WGS 84' });

const unitLevelDtoSchema = z
  .object({ level: z.number().int(), name: z.string().nullable(), units: z.number().int() })
  .meta({ id: 'UnitLevel' });

const cityParams = z.object({ city: citySlugSchema });

export function unitRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/cities/:city/units',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'Administrative units of one level as GeoJSON, with population.',
        description:
          'Units valid in `year` (default: the current boundaries) at `level` (default 1). Population is the total for `year`, else for the nearest year with data, and `populationYear` says which.',
        params: cityParams,
        querystring: z.object({ level: unitLevelSchema.optional(), year: yearSchema.optional() }),
        response: { 200: unitCollectionSchema, ...errorResponses },
      },
    },
    async (req) => services.units.featureCollection(req.params.city, { level: req.query.level, year: req.query.year }),
  );

  r.get(
    '/api/v1/cities/:city/units/levels',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'The levels of a city’s units, their names and how many current units each has.',
        params: cityParams,
        response: { 200: z.object({ levels: z.array(unitLevelDtoSchema) }), ...errorResponses },
      },
    },
    async (req) => ({ levels: await services.units.levels(req.params.city) }),
  );

  r.put(
    '/api/v1/cities/:city/units/levels/:level',
    {
      config: { access: { role: ['platform:secretariat', 'city:administrator'], scope: 'city' } },
      schema: {
        tags: ['units'],
        summary: 'Name a level of units (e.g. 1 = district, 2 = ward).',
        security: [{ bearer: [] }],
        params: cityParams.extend({ level: unitLevelSchema }),
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 200: unitLevelDtoSchema, ...errorResponses },
      },
    },
    async (req) => services.units.setLevelName(req.params.city, req.params.level, req.body.name),
  );
}
